// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest'
import { StrictMode } from 'react'
import { cleanup, render, waitFor } from '@testing-library/react'
import { MarkdownText, safeUrl } from '../../src/components'
import { Chat } from '../../src/components'
import { createScriptedAgent } from '../../src/testing'
import { messageArticle, modes, renderWithAgent, textRun } from './chatTestUtils'

afterEach(cleanup)

const markdown = [
  'Intro with `inline` code.',
  '',
  '- one',
  '- two',
  '',
  '1. first',
  '2. second',
  '',
  '```ts',
  'const answer: number = 42',
  '```',
  '',
  '| Name | Score |',
  '| ---- | ----- |',
  '| Ada  | 10    |',
  '',
  'See [docs](https://example.com/docs) or ~~not~~ this.',
].join('\n')

describe.each(modes)('<MarkdownText /> ($name)', ({ strict }) => {
  const show = (text: string) => {
    const ui = <MarkdownText text={text} />
    return render(strict ? <StrictMode>{ui}</StrictMode> : ui)
  }

  it('renders lists, fenced code with its language class, tables and GFM', () => {
    const { container } = show(markdown)
    expect([...container.querySelectorAll('ul > li')].map((li) => li.textContent)).toEqual([
      'one',
      'two',
    ])
    expect([...container.querySelectorAll('ol > li')].map((li) => li.textContent)).toEqual([
      'first',
      'second',
    ])
    const code = container.querySelector('pre > code')!
    expect(code.className).toBe('language-ts')
    expect(code.textContent).toBe('const answer: number = 42\n')
    expect(code.parentElement!.className).toBe('awr-code-block')
    expect(container.querySelector('p > code')?.textContent).toBe('inline')
    const table = container.querySelector('.awr-table-wrap > table')!
    expect([...table.querySelectorAll('th')].map((th) => th.textContent)).toEqual(['Name', 'Score'])
    expect([...table.querySelectorAll('td')].map((td) => td.textContent)).toEqual(['Ada', '10'])
    expect(container.querySelector('del')?.textContent).toBe('not')
  })

  it('opens safe links in a new tab with rel noopener noreferrer nofollow', () => {
    const { container } = show(markdown)
    const link = container.querySelector('a')!
    expect(link.getAttribute('href')).toBe('https://example.com/docs')
    expect(link.getAttribute('target')).toBe('_blank')
    expect(link.getAttribute('rel')).toBe('noopener noreferrer nofollow')
  })

  it('does not render raw HTML', () => {
    const { container } = show(
      'Hi <script>window.__pwned = true</script> <img src="x" onerror="window.__pwned = true"> ' +
        '<b>bold?</b>\n\n<div class="evil">block</div>\n\n**real bold**',
    )
    expect(container.querySelector('script')).toBeNull()
    expect(container.querySelector('img')).toBeNull()
    expect(container.querySelector('b')).toBeNull()
    expect(container.querySelector('.evil')).toBeNull()
    expect(container.querySelector('strong')?.textContent).toBe('real bold')
    expect((window as { __pwned?: boolean }).__pwned).toBeUndefined()
  })

  it('renders javascript:, data: and relative links without href', () => {
    const { container } = show(
      '[bad](javascript:alert(1)) [data](data:text/html,hi) [rel](/path) [caps](JaVaScRiPt:alert(1)) [ok](mailto:a@b.co)',
    )
    const anchors = [...container.querySelectorAll('a')]
    expect(anchors.map((a) => a.getAttribute('href'))).toEqual(['mailto:a@b.co'])
    expect(container.textContent).toContain('bad')
    expect(
      container.querySelector('[href^="javascript"], [href^="JaVa"], [href^="data"]'),
    ).toBeNull()
  })

  it('keeps only http(s) image sources', () => {
    const { container } = show('![cat](https://example.com/cat.png) ![x](javascript:alert(1))')
    const imgs = [...container.querySelectorAll('img')]
    expect(imgs.map((img) => img.getAttribute('src'))).toEqual(['https://example.com/cat.png'])
    expect(imgs[0].getAttribute('alt')).toBe('cat')
  })
})

describe('safeUrl', () => {
  it('keeps http, https and mailto only', () => {
    expect(safeUrl('https://a.b/c')).toBe('https://a.b/c')
    expect(safeUrl(' http://a.b ')).toBe('http://a.b')
    expect(safeUrl('mailto:x@y.z')).toBe('mailto:x@y.z')
    expect(safeUrl('javascript:alert(1)')).toBeUndefined()
    expect(safeUrl('vbscript:x')).toBeUndefined()
    expect(safeUrl('//evil.com')).toBeUndefined()
    expect(safeUrl('#top')).toBeUndefined()
  })
})

describe.each(modes)('assistant markdown inside <Chat /> ($name)', ({ strict }) => {
  it('streams raw HTML as inert text and blocks a javascript: link', async () => {
    const agent = createScriptedAgent((input) =>
      textRun(input, 'evil', [
        'Hi <script>window.__chatPwned = 1</script> ',
        '[click me](javascript:alert(1)) ',
        'done',
      ]),
    )
    const { container } = renderWithAgent(<Chat />, { strict, agent })
    const { default: userEvent } = await import('@testing-library/user-event')
    const user = userEvent.setup()
    await user.type(container.querySelector('textarea')!, 'x{Enter}')
    await waitFor(() =>
      expect(messageArticle(container, 'evil')?.getAttribute('data-status')).toBe('complete'),
    )
    const article = messageArticle(container, 'evil')!
    expect(article.textContent).toBe('Hi window.__chatPwned = 1 click me done')
    expect(article.querySelector('script')).toBeNull()
    const clickMe = [...article.querySelectorAll('*')].find((el) => el.textContent === 'click me')!
    expect(clickMe.closest('a[href]')).toBeNull()
    expect((window as { __chatPwned?: number }).__chatPwned).toBeUndefined()
  })
})
