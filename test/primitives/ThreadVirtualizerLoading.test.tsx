// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { act, cleanup, screen, waitFor } from '@testing-library/react'
import type { Message as AgMessage } from '../../src/core/protocol/types'
import { createAgentStore } from '../../src/core/store'
import { Thread } from '../../src/primitives'
import { createScriptedAgent } from '../../src/testing'
import { axeViolations, renderWithAgent } from '../components/chatTestUtils'

// The virtualizer's chunk (VirtualizerHost + @tanstack/react-virtual) is held back by a gate the
// test opens or breaks, to see the list while it loads, after a failed load, and after a retry.
const chunk = vi.hoisted(() => {
  let open: () => void = () => {}
  let fail: (error: Error) => void = () => {}
  let gate = Promise.resolve()
  const reset = () => {
    gate = new Promise<void>((resolve, reject) => {
      open = resolve
      fail = reject
    })
  }
  reset()
  return {
    reset,
    open: () => open(),
    fail: (error: Error) => fail(error),
    wait: () => gate,
    loads: 0,
  }
})

vi.mock('../../src/primitives/thread/VirtualizerHost', async (importOriginal) => {
  chunk.loads++
  await chunk.wait()
  return importOriginal()
})

afterEach(cleanup)

const thread = (n: number): AgMessage[] =>
  Array.from({ length: n }, (_, i) => ({ id: `m${i}`, role: 'user', content: `message ${i}` }))

function LongThread() {
  return (
    <Thread.Root virtualizeAt={50}>
      <Thread.Viewport aria-label="Conversation">
        <Thread.Messages />
      </Thread.Viewport>
    </Thread.Root>
  )
}

const articleIds = (container: Element) =>
  [...container.querySelectorAll<HTMLElement>('article')].map((a) => a.dataset.messageId)

describe('Thread.Root while the virtualizer chunk loads, fails, and loads on retry', () => {
  it('renders a bounded tail, keeps it after a failed load, virtualizes once a retry succeeds', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {})
    const store = createAgentStore({
      agent: createScriptedAgent([]),
      threadId: 't',
      initialMessages: thread(300),
    })
    const { container } = renderWithAgent(<LongThread />, { strict: false, store })
    const root = container.querySelector('[data-awr="thread"]')!
    const log = screen.getByRole('log')

    // Loading: the newest `virtualizeAt` (50) rows in flow, with their place in the whole thread.
    expect(root.getAttribute('data-virtualizer')).toBe('loading')
    expect(log.hasAttribute('data-virtualized')).toBe(false)
    expect(articleIds(container)).toEqual(
      thread(300)
        .slice(-50)
        .map((m) => m.id),
    )
    const last = container.querySelector('article[data-message-id="m299"]')!
    expect(last.getAttribute('aria-posinset')).toBe('300')
    expect(last.getAttribute('aria-setsize')).toBe('300')
    expect(await axeViolations(container)).toEqual([])

    // The chunk fails: the tail stays (readable, no crash), the failure is logged.
    await act(async () => {
      chunk.fail(new Error('chunk unreachable'))
      await Promise.resolve()
    })
    await waitFor(() => expect(root.getAttribute('data-virtualizer')).toBe('failed'))
    expect(errors.mock.calls.some((call) => String(call[0]).includes('virtualizer'))).toBe(true)
    expect(articleIds(container)).toHaveLength(50)
    const loadsAfterFailure = chunk.loads

    // The next message is the next need: the load is tried again, and this time it succeeds.
    chunk.reset()
    act(() => store.addMessage({ id: 'm300', role: 'user', content: 'one more' }))
    // The tail's first row stays put (no row dropped above the reader): it grows by one.
    expect(articleIds(container)).toEqual(
      thread(301)
        .slice(250)
        .map((m) => m.id),
    )
    await waitFor(() => expect(chunk.loads).toBe(loadsAfterFailure + 1))
    await act(async () => {
      chunk.open()
      await chunk.wait()
    })
    await waitFor(() => expect(log.getAttribute('data-virtualized')).toBe('true'))
    expect(root.hasAttribute('data-virtualizer')).toBe(false)
    // jsdom has no layout: the virtualizer shows its newest 20 rows.
    expect(articleIds(container)).toEqual(
      thread(301)
        .slice(-20)
        .map((m) => m.id),
    )
    expect(container.querySelector('article')!.getAttribute('aria-setsize')).toBe('301')
    errors.mockRestore()
    store.destroy()
  })

  it('a thread below virtualizeAt renders every row and loads nothing', () => {
    const before = chunk.loads
    const { container } = renderWithAgent(<LongThread />, {
      strict: true,
      agent: createScriptedAgent([]),
      initialMessages: thread(10),
    })
    expect(articleIds(container)).toHaveLength(10)
    expect(container.querySelector('[data-awr="thread"]')!.hasAttribute('data-virtualizer')).toBe(
      false,
    )
    expect(chunk.loads).toBe(before)
  })
})
