import type { Message } from '../../../src/core/protocol/types'

const WORDS = (
  'the agent streams tokens into a message while the user reads earlier replies and the list ' +
  'keeps its place tool calls arguments state patches markdown tables code blocks render safely ' +
  'react commits once per frame virtualized rows measured heights jump to latest'
).split(' ')

/** A small deterministic PRNG (mulberry32), so every run builds the same thread. */
function random(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function sentence(next: () => number, words: number): string {
  const out: string[] = []
  for (let i = 0; i < words; i++) out.push(WORDS[Math.floor(next() * WORDS.length)])
  const text = out.join(' ')
  return text.charAt(0).toUpperCase() + text.slice(1) + '.'
}

/** Assistant markdown of varied shape and length (paragraphs, a list, sometimes code). */
function assistantText(next: () => number, index: number): string {
  const parts: string[] = []
  const paragraphs = 1 + Math.floor(next() * 3)
  for (let p = 0; p < paragraphs; p++) parts.push(sentence(next, 8 + Math.floor(next() * 40)))
  if (next() < 0.3) {
    parts.push(['- **first** item', '- second item', '- `third` item'].join('\n'))
  }
  if (next() < 0.15) {
    parts.push('```ts\nconst reply = ' + index + '\nconsole.log(reply)\n```')
  }
  return parts.join('\n\n')
}

/**
 * A thread of `count` messages alternating user and assistant (ids `m0`, `m1`, ...), with
 * varied lengths so row heights differ. Deterministic.
 */
export function makeThread(count: number, seed = 42): Message[] {
  const next = random(seed)
  const messages: Message[] = []
  for (let i = 0; i < count; i++) {
    messages.push(
      i % 2 === 0
        ? {
            id: `m${i}`,
            role: 'user',
            content: `Question ${i}: ${sentence(next, 4 + Math.floor(next() * 16))}`,
          }
        : { id: `m${i}`, role: 'assistant', content: assistantText(next, i) },
    )
  }
  return messages
}

/** The `index`-th token of a streamed reply: words, with a paragraph break every 60 tokens. */
export function tokenAt(index: number): string {
  if (index > 0 && index % 60 === 0) return '\n\n'
  return (index % 60 === 1 ? '' : ' ') + WORDS[index % WORDS.length]
}
