import { beforeAll, describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { renderToStaticMarkup } from 'react-dom/server'
import { MarkdownText, preloadMarkdown } from '../../src/components'
import { splitMarkdownBlocks } from '../../src/components/splitMarkdownBlocks'

// A server render shows the plain fallback until the renderer is loaded (MarkdownText.lazy.test).
beforeAll(() => preloadMarkdown())

/** The markup of `text` parsed as one document (react-markdown with the kit's options). */
function whole(text: string): string {
  // One chunk: a (leading, unused, invisible) reference definition makes the splitter keep it whole.
  return renderToStaticMarkup(<MarkdownText text={`[zz-unused]: https://x.y\n\n${text}`} />)
}

const samples = [
  '# Title\n\nA paragraph\nwith two lines.\n\n- a\n- b\n\nAfter the list.',
  'Loose list:\n\n- one\n\n- two\n\n  continued\n\n- three\n\nEnd.',
  '1. first\n\n2. second\n\n10. tenth\n\nText',
  '```js\nconst a = 1\n\nconst b = 2\n```\n\nAfter code.',
  '~~~~\nfence\n\n```\nstill code\n~~~~\n\nout',
  '| a | b |\n|---|---|\n| 1 | 2 |\n\nNext',
  '> quote\n\n> another quote\n\nplain',
  'Setext\n===\n\ntext\n\n---\n\nmore',
  '- a\nlazy line\n\n- b',
  '    indented code\n\n    more code\n\nparagraph',
  'Open fence at the end:\n\n```py\nprint(1)\n\nprint(2)',
  'Half table\n\n| a | b |\n|---',
]

/** Markup without the wrapper `div` and without the newlines react-markdown puts between blocks. */
const normalize = (html: string) => html.replace(/<\/?div[^>]*>/g, '').replace(/>\n</g, '><')

describe('splitMarkdownBlocks', () => {
  it('gives the text back when the chunks are joined', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', ' ', '\n', '-', '`', '~', '1.', '>', '#', '|') }),
        (text) => {
          expect(splitMarkdownBlocks(text).join('')).toBe(text)
        },
      ),
    )
  })

  it('cuts streaming text into stable chunks: earlier chunks keep their text as more arrives', () => {
    const text = samples.join('\n\n')
    const final = splitMarkdownBlocks(text)
    expect(final.length).toBeGreaterThan(10)
    for (let end = 1; end <= text.length; end++) {
      const chunks = splitMarkdownBlocks(text.slice(0, end))
      // Every chunk but the last is final.
      chunks.slice(0, -1).forEach((chunk, i) => expect(chunk).toBe(final[i]))
    }
  })

  it.each(samples)('renders the same markup in chunks as in one piece: %j', (text) => {
    expect(normalize(renderToStaticMarkup(<MarkdownText text={text} />))).toBe(
      normalize(whole(text)),
    )
  })

  it('keeps text with reference definitions, footnotes or HTML comments whole', () => {
    expect(splitMarkdownBlocks('See [x].\n\n[x]: https://a.b\n\nmore')).toHaveLength(1)
    expect(splitMarkdownBlocks('Note[^1]\n\n[^1]: text\n\nmore')).toHaveLength(1)
    expect(splitMarkdownBlocks('<!--\n\nhidden\n\n-->\n\nshown')).toHaveLength(1)
    expect(splitMarkdownBlocks('a\n\nb\n\nc')).toEqual(['a\n\n', 'b\n\n', 'c'])
  })
})
