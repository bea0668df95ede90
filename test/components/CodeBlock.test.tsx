// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { StrictMode, type ReactNode } from 'react'
import {
  CodeBlock,
  CodeHighlightProvider,
  MarkdownText,
  createLazyHighlighter,
  isOpenFence,
  type Highlighter,
} from '../../src/components'
import { axeViolations, modes } from './chatTestUtils'

afterEach(() => {
  cleanup()
  delete (navigator as { clipboard?: unknown }).clipboard
})

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;')
/** A stand-in highlighter: wraps the code in a span, escaped, as Shiki would. */
const fakeHighlight: Highlighter = (code, lang) => ({
  html: `<span class="hl" data-lang="${lang}">${escape(code)}</span>`,
})

describe('isOpenFence', () => {
  it.each([
    ['```js\nconst a = 1\n```\n', false],
    ['```js\nconst a = 1\n', true],
    ['```js\nconst a = 1', true],
    ['```js', true],
    ['~~~\nx\n~~~', false],
    ['````\nx\n```', true], // a shorter fence does not close a longer one
    ['```\nx\n~~~', true],
    ['    indented code\n', false],
  ])('%j → %s', (source, open) => {
    expect(isOpenFence(source, 0, source.length)).toBe(open)
  })

  it('a block that ends before the end of the source is closed', () => {
    expect(isOpenFence('```\nx\n```\n\nmore', 0, 9)).toBe(false)
  })
})

describe.each(modes)('<CodeBlock /> ($name)', ({ strict }) => {
  const show = (ui: ReactNode) => render(strict ? <StrictMode>{ui}</StrictMode> : ui)

  it('shows the language, copies the code and says "Copied"', async () => {
    const writeText = vi.fn(() => Promise.resolve())
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText } })
    const { container } = show(<CodeBlock code={'let x = 1\n<b>y</b>'} language="ts" />)
    expect(container.querySelector('.awr-code-language')?.textContent).toBe('ts')
    expect(container.querySelector('code.language-ts')?.textContent).toBe('let x = 1\n<b>y</b>')
    expect(container.querySelector('b')).toBeNull() // agent code is text, never markup
    const button = screen.getByRole('button', { name: 'Copy ts code' })
    fireEvent.click(button)
    await waitFor(() => expect(button.textContent).toBe('Copied'))
    expect(writeText).toHaveBeenCalledWith('let x = 1\n<b>y</b>')
    expect(await axeViolations(container)).toEqual([])
  })

  it('without a highlighter it stays plain', async () => {
    const { container } = show(<MarkdownText text={'```js\nconst a = 1\n```\n'} />)
    // MarkdownText may load its renderer lazily: wait for the code block.
    const block = await waitFor(() => {
      const found = container.querySelector('[data-awr="code-block"]')
      expect(found).not.toBeNull()
      return found
    })
    expect(block?.getAttribute('data-state')).toBe('plain')
    expect(block?.getAttribute('data-language')).toBe('js')
  })

  it('loads the lazy highlighter only for a closed fence, then highlights', async () => {
    const load = vi.fn(() => Promise.resolve({ default: fakeHighlight }))
    const highlight = createLazyHighlighter(load)
    const ui = (text: string) => (
      <CodeHighlightProvider highlight={highlight}>
        <MarkdownText text={text} />
      </CodeHighlightProvider>
    )
    const { container, rerender } = show(ui('Intro\n\n```js\nconst a = 1\n'))
    const block = () => container.querySelector('[data-awr="code-block"]')
    await waitFor(() => expect(block()?.getAttribute('data-open')).toBe('true'))
    await Promise.resolve()
    expect(load).not.toHaveBeenCalled()
    expect(block()?.getAttribute('data-state')).toBe('plain')

    rerender(ui('Intro\n\n```js\nconst a = 1\n```\n'))
    await waitFor(() => expect(block()?.getAttribute('data-state')).toBe('highlighted'))
    expect(load).toHaveBeenCalledTimes(1)
    expect(block()?.querySelector('span.hl')?.getAttribute('data-lang')).toBe('js')
    expect(block()?.querySelector('code')?.textContent).toBe('const a = 1\n')
    expect(block()?.hasAttribute('data-open')).toBe(false)
  })

  it('a remounted block is highlighted in its first render (cache)', async () => {
    const highlight = vi.fn(fakeHighlight)
    const ui = <CodeBlock code="x = 1" language="py" highlight={highlight} />
    const first = show(ui)
    await waitFor(() =>
      expect(first.container.querySelector('[data-state="highlighted"]')).not.toBeNull(),
    )
    first.unmount()
    const calls = highlight.mock.calls.length
    const second = show(ui)
    expect(second.container.querySelector('[data-state="highlighted"]')).not.toBeNull()
    expect(highlight.mock.calls.length).toBe(calls)
  })

  it('accepts React nodes from the highlighter', async () => {
    const highlight: Highlighter = (code) => Promise.resolve(<mark>{code}</mark>)
    const { container } = show(<CodeBlock code="nodes" highlight={highlight} />)
    await waitFor(() => expect(container.querySelector('code mark')?.textContent).toBe('nodes'))
    expect(await axeViolations(container)).toEqual([])
  })

  it('a failing highlighter leaves the block plain and warns', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const highlight = createLazyHighlighter(() => Promise.reject(new Error('offline')))
    const { container } = show(<CodeBlock code="still readable" highlight={highlight} />)
    await new Promise((r) => setTimeout(r, 0))
    expect(container.querySelector('code')?.textContent).toBe('still readable')
    expect(container.querySelector('[data-state="plain"]')).not.toBeNull()
    warn.mockRestore()
  })
})
