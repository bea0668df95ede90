import { describe, expect, it } from 'vitest'
import { plainText } from '../../src/components/plainText'

describe('plainText', () => {
  it.each([
    ['Hello **there** friend.', 'Hello there friend.'],
    [
      'Some *italic*, _under_, __strong__ and ~~gone~~ text.',
      'Some italic, under, strong and gone text.',
    ],
    ['# Title\n\n### Sub', 'Title Sub'],
    [
      '- one\n- two\n  * nested\n1. first\n2) second\n- [x] done',
      'one two nested first second done',
    ],
    ['> quoted **bold**', 'quoted bold'],
    ['See [the docs](https://x.test/a) and ![a cat](c.png).', 'See the docs and a cat.'],
    ['Mail <mailto:a@b.test> or [ref][1].', 'Mail mailto:a@b.test or ref.'],
    ['Run `npm test` now.', 'Run npm test now.'],
    ['Before.\n\n```ts\nconst a = 1\n```\n\nAfter.', 'Before. code block. After.'],
    ['Open fence:\n~~~\nstill code', 'Open fence: code block.'],
    ['**One fish.', 'One fish.'],
    ['fish.** Two', 'fish. Two'],
    ['snake_case_name, 2 * 3 = 6, file_name.txt', 'snake_case_name, 2 * 3 = 6, file_name.txt'],
    ['| a | b |\n|---|:---:|\n| 1 | 2 |', 'a b 1 2'],
    ['---\nafter a rule', 'after a rule'],
    ['<b>html</b> stays text', '<b>html</b> stays text'],
  ])('%j -> %j', (markdown, expected) => {
    expect(plainText(markdown, 'code block')).toBe(expected)
  })

  it('uses the given code block label', () => {
    expect(plainText('```\nx\n```', 'bloc de code')).toBe('bloc de code.')
  })
})
