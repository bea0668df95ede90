// @vitest-environment jsdom
import { cleanup, render, waitFor } from '@testing-library/react'
import { renderToStaticMarkup } from 'react-dom/server'
import { afterEach, describe, expect, it, vi } from 'vitest'

afterEach(cleanup)

/** MarkdownText from fresh modules: its renderer chunk not loaded yet (the setup preloads it). */
async function freshMarkdownText() {
  vi.resetModules()
  return import('../../src/components/MarkdownText')
}

const TEXT = 'Some **bold** text\nand a <b>tag</b>\n\n| a |\n|---|\n| 1 |\n'

describe('<MarkdownText /> loads its renderer on first use', () => {
  it('shows the plain text (one paragraph per chunk, HTML inert) until the renderer is in, then markdown', async () => {
    const { MarkdownText } = await freshMarkdownText()
    const { container } = render(<MarkdownText text={TEXT} />)
    const plain = [...container.querySelectorAll('.awr-markdown > p')]
    expect(plain.map((p) => p.textContent)).toEqual([
      'Some **bold** text\nand a <b>tag</b>',
      '| a |\n|---|\n| 1 |',
    ])
    expect(container.querySelector('strong, b, table')).toBeNull()
    await waitFor(() => expect(container.querySelector('strong')?.textContent).toBe('bold'))
    expect(container.querySelector('.awr-table-wrap > table')).not.toBeNull()
    expect(container.querySelector('b')).toBeNull()
  })

  it('once loaded, renders markdown in the first pass, also on the server', async () => {
    const { MarkdownText, preloadMarkdown } = await freshMarkdownText()
    expect(renderToStaticMarkup(<MarkdownText text="**x**" />)).not.toContain('<strong>')
    await preloadMarkdown()
    expect(renderToStaticMarkup(<MarkdownText text="**x**" />)).toContain('<strong>x</strong>')
    const { container } = render(<MarkdownText text="**y**" />)
    expect(container.querySelector('strong')?.textContent).toBe('y')
  })
})
