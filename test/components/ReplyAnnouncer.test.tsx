// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest'
import { act, cleanup } from '@testing-library/react'
import {
  AnnouncePolicyProvider,
  ReplyAnnouncer,
  type AnnouncePolicy,
  type ReplyAnnouncerProps,
} from '../../src/components'
import { sentenceBoundary } from '../../src/components/sentenceBoundary'
import { createAgentStore } from '../../src/core/store'
import { createScriptedAgent, type ScriptedAgent } from '../../src/testing'
import { modes, renderWithAgent, replyAgent } from './chatTestUtils'

afterEach(cleanup)

const REPLY = 'One fish. Two fish! Red fish? Blue fish.'

/** Renders the announcer, runs one reply to its end and returns every text the region showed. */
async function announcements(
  strict: boolean,
  props: ReplyAnnouncerProps,
  provider?: AnnouncePolicy,
  agent: ScriptedAgent = replyAgent(REPLY, 5),
): Promise<string[]> {
  const store = createAgentStore({
    agent,
    threadId: 'thread-1',
    initialMessages: [
      { id: 'u0', role: 'user', content: 'Hi' },
      { id: 'old', role: 'assistant', content: 'An earlier reply.' },
    ],
  })
  const ui = <ReplyAnnouncer {...props} />
  const { container } = renderWithAgent(
    provider ? <AnnouncePolicyProvider policy={provider}>{ui}</AnnouncePolicyProvider> : ui,
    { strict, store },
  )
  const region = container.querySelector('[data-awr="announcer"]')!
  expect(region.getAttribute('aria-live')).toBe('polite')
  const seen: string[] = []
  const observer = new MutationObserver(() => {
    const text = region.textContent ?? ''
    if (text !== '' && text !== seen[seen.length - 1]) seen.push(text)
  })
  observer.observe(region, { childList: true, characterData: true, subtree: true })
  await act(async () => {
    await store.run({ message: 'Fish?' })
  })
  await act(async () => {
    await new Promise((r) => setTimeout(r, 0))
  })
  observer.disconnect()
  store.destroy()
  return seen
}

describe('sentenceBoundary', () => {
  it.each([
    ['Hello. Wor', 0, 7],
    ['Hello. World. ', 0, 14],
    ['Pi is 3.', 0, 0], // a terminator at the very end may go on (3.14)
    ['Pi is 3.14 and more', 0, 0],
    ['Line one\nLine', 0, 9],
    ['Quoted." Next', 0, 9],
    ['你好。世界', 0, 3],
    ['Done. Next. More', 6, 12],
  ])('%j from %i → %i', (text, from, end) => {
    expect(sentenceBoundary(text, from)).toBe(end)
  })
})

describe.each(modes)('<ReplyAnnouncer /> ($name)', ({ strict }) => {
  it('on-complete (default): the whole reply once, never the earlier reply', async () => {
    expect(await announcements(strict, {})).toEqual([`Assistant: ${REPLY}`])
  })

  it('sentence: complete sentences only, in order, together the whole reply', async () => {
    // A word every 20 ms, more than a frame: the reply reaches the page over several publishes
    // whatever the frame timing (at 5 ms, a frame left to the run's start could take it whole).
    const seen = await announcements(
      strict,
      { policy: 'sentence', throttleMs: 0 },
      undefined,
      replyAgent(REPLY, 20),
    )
    expect(seen.length).toBeGreaterThan(1)
    expect(seen[0].startsWith('Assistant: ')).toBe(true)
    for (const text of seen) expect(text).toMatch(/[.!?]$/) // never a partial sentence
    expect(seen.join(' ').replace('Assistant: ', '')).toBe(REPLY)
  })

  it('sentence: throttled, sentences finished meanwhile wait and are read together', async () => {
    // A pause after the first sentence: it is published (and read) on its own.
    const agent = createScriptedAgent((input) => [
      { type: 'RUN_STARTED', threadId: input.threadId, runId: input.runId },
      { type: 'TEXT_MESSAGE_START', messageId: 'r', role: 'assistant' },
      { type: 'TEXT_MESSAGE_CONTENT', messageId: 'r', delta: 'One fish. Two' },
      { delayMs: 60 },
      ...[' fish!', ' Red fish?', ' Blue', ' fish.'].flatMap((delta) => [
        { delayMs: 5 },
        { type: 'TEXT_MESSAGE_CONTENT', messageId: 'r', delta },
      ]),
      { type: 'TEXT_MESSAGE_END', messageId: 'r' },
      { type: 'RUN_FINISHED', threadId: input.threadId, runId: input.runId },
    ])
    const seen = await announcements(
      strict,
      { policy: 'sentence', throttleMs: 1e9 },
      undefined,
      agent,
    )
    // The first sentence at once; the ones finished within the throttle wait for the end.
    expect(seen).toEqual(['Assistant: One fish.', 'Two fish! Red fish? Blue fish.'])
  })

  it('reads markdown as plain text, by both policies', async () => {
    const markdown =
      '## Plan\n\n**One** fish. See [the docs](https://x.test).\n\n```sh\nrm -rf /\n```\n\n- Two _fish_.'
    const plain = 'Plan One fish. See the docs. code block. Two fish.'
    const agent = () => replyAgent(markdown, 5)
    expect(await announcements(strict, {}, undefined, agent())).toEqual([`Assistant: ${plain}`])
    const seen = await announcements(
      strict,
      { policy: 'sentence', throttleMs: 0 },
      undefined,
      agent(),
    )
    for (const text of seen) expect(text).not.toMatch(/[*_#`[\]]|https?:|rm -rf/)
    expect(seen.join(' ').replace('Assistant: ', '')).toBe(plain)
  })

  it('off: nothing, also through the provider; a prop wins over the provider', async () => {
    expect(await announcements(strict, { policy: 'off' })).toEqual([])
    expect(await announcements(strict, {}, 'off')).toEqual([])
    expect(await announcements(strict, { policy: 'on-complete' }, 'off')).toEqual([
      `Assistant: ${REPLY}`,
    ])
  })
})
