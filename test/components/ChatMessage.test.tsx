// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { act, cleanup, waitFor } from '@testing-library/react'
import { Chat } from '../../src/components'
import type { Message } from '../../src/core/protocol/types'
import { createAgentStore } from '../../src/core/store'
import { createScriptedAgent } from '../../src/testing'
import { axeViolations, messageArticle, modes, renderWithAgent, textRun } from './chatTestUtils'

/** Renders of each ChatMessage, counted through its `useIsStreaming(id)` call (one per render). */
const renders = vi.hoisted(() => new Map<string, number>())

vi.mock('../../src/react/useIsStreaming', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/react/useIsStreaming')>()
  return {
    ...actual,
    useIsStreaming: (id: string) => {
      renders.set(id, (renders.get(id) ?? 0) + 1)
      return actual.useIsStreaming(id)
    },
  }
})

afterEach(() => {
  cleanup()
  renders.clear()
})

const history: Message[] = [
  { id: 'u1', role: 'user', content: 'First question' },
  { id: 'a1', role: 'assistant', content: 'First **answer**' },
  { id: 'u2', role: 'user', content: 'Second question' },
]

describe.each(modes)('<ChatMessage /> ($name)', ({ strict }) => {
  it('only the streaming message re-renders while it streams', async () => {
    const deltas = Array.from({ length: 12 }, (_, i) => `word${i} `)
    const agent = createScriptedAgent((input) => textRun(input, 'a2', deltas, 8))
    const store = createAgentStore({ agent, threadId: 'thread-1', initialMessages: history })
    const { container } = renderWithAgent(<Chat />, { strict, store })
    expect(messageArticle(container, 'a1')?.querySelector('strong')?.textContent).toBe('answer')
    renders.clear()

    let done!: Promise<unknown>
    act(() => {
      done = store.run()
    })
    await waitFor(() =>
      expect(messageArticle(container, 'a2')?.getAttribute('data-status')).toBe('streaming'),
    )
    await act(async () => {
      await done
    })
    await waitFor(() =>
      expect(messageArticle(container, 'a2')?.getAttribute('data-status')).toBe('complete'),
    )
    expect(messageArticle(container, 'a2')?.textContent).toBe(deltas.join('').trim())

    expect(renders.get('a2') ?? 0).toBeGreaterThanOrEqual(3)
    expect(renders.get('u1') ?? 0).toBe(0)
    expect(renders.get('a1') ?? 0).toBe(0)
    expect(renders.get('u2') ?? 0).toBe(0)
    store.destroy()
  })

  it('shows typing dots while a reply streams with no text yet', async () => {
    const agent = createScriptedAgent((input) => [
      { type: 'RUN_STARTED', threadId: input.threadId, runId: input.runId },
      { type: 'TEXT_MESSAGE_START', messageId: 'slow', role: 'assistant' },
      { delayMs: 120 },
      { type: 'TEXT_MESSAGE_CONTENT', messageId: 'slow', delta: 'Here.' },
      { type: 'TEXT_MESSAGE_END', messageId: 'slow' },
      { type: 'RUN_FINISHED', threadId: input.threadId, runId: input.runId },
    ])
    const store = createAgentStore({ agent, threadId: 'thread-1' })
    const { container } = renderWithAgent(<Chat theme="dark" />, { strict, store })
    expect(container.querySelector('[data-awr="chat"]')?.getAttribute('data-theme')).toBe('dark')
    let done!: Promise<unknown>
    act(() => {
      done = store.run()
    })
    await waitFor(() =>
      expect(messageArticle(container, 'slow')!.querySelector('.awr-typing')).not.toBeNull(),
    )
    expect(messageArticle(container, 'slow')?.textContent).toBe('')
    await act(async () => {
      await done
    })
    await waitFor(() => expect(messageArticle(container, 'slow')?.textContent).toBe('Here.'))
    expect(messageArticle(container, 'slow')!.querySelector('.awr-typing')).toBeNull()
    store.destroy()
  })

  it('renders reasoning, activity, multimodal user content; hides system messages', async () => {
    const { container } = renderWithAgent(<Chat />, {
      strict,
      agent: createScriptedAgent([]),
      initialMessages: [
        { id: 's1', role: 'system', content: 'You are helpful.' },
        {
          id: 'u1',
          role: 'user',
          content: [
            { type: 'text', text: 'What is in this picture?' },
            {
              type: 'image',
              source: { type: 'url', value: 'https://example.com/cat.png' },
              metadata: { alt: 'A cat' },
            },
            { type: 'image', source: { type: 'data', value: 'aGk=', mimeType: 'image/png' } },
            { type: 'image', source: { type: 'url', value: 'javascript:alert(1)' } },
          ],
        },
        { id: 'r1', role: 'reasoning', content: 'The user wants a description.' },
        {
          id: 'act1',
          role: 'activity',
          activityType: 'PLAN',
          content: { steps: ['look', 'describe'] },
        },
        { id: 'a1', role: 'assistant', content: 'A cat.' },
      ],
    })
    expect(messageArticle(container, 's1')).toBeNull()
    expect(container.textContent).not.toContain('You are helpful.')

    const user = messageArticle(container, 'u1')!
    expect(user.getAttribute('data-role')).toBe('user')
    expect(user.textContent).toContain('What is in this picture?')
    const imgs = [...user.querySelectorAll('img')]
    expect(imgs.map((img) => [img.getAttribute('src'), img.getAttribute('alt')])).toEqual([
      ['https://example.com/cat.png', 'A cat'],
      ['data:image/png;base64,aGk=', 'Attached image'],
    ])

    const reasoning = messageArticle(container, 'r1')!
    expect(reasoning.getAttribute('data-role')).toBe('reasoning')
    const details = reasoning.querySelector('details')!
    expect(details.open).toBe(false)
    expect(details.querySelector('summary')?.textContent).toBe('Reasoning')
    expect(details.textContent).toContain('The user wants a description.')

    const activity = messageArticle(container, 'act1')!
    expect(activity.getAttribute('data-role')).toBe('activity')
    expect(activity.textContent).toContain('PLAN')
    expect(activity.querySelector('code')?.textContent).toBe(
      JSON.stringify({ steps: ['look', 'describe'] }, null, 2),
    )
    expect(messageArticle(container, 'a1')?.getAttribute('data-status')).toBe('complete')
    expect(await axeViolations(container)).toEqual([])
  })
})
