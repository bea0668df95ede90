// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react'
import { useRef } from 'react'
import type { Message as AgMessage } from '../../src/core/protocol/types'
import { createAgentStore, type Scheduler } from '../../src/core/store'
import { preloadVirtualizer, Thread } from '../../src/primitives'
import { VirtualizerHost } from '../../src/primitives/thread/VirtualizerHost'
import { createScriptedAgent } from '../../src/testing'
import { renderWithAgent } from '../components/chatTestUtils'

// The virtualizer's commits of its own (issue 7: at most 60 React commits a second) are told to
// the store's scheduler, which counts them against its publish rate; the commits a store publish
// caused (a change of the message ids) are counted by the scheduler already.

afterEach(cleanup)

function Harness({
  ids,
  tick,
  onOwnCommit,
}: {
  ids: readonly string[]
  tick: number
  onOwnCommit: () => void
}) {
  const scrollerRef = useRef<HTMLDivElement | null>(null)
  const contentRef = useRef<HTMLDivElement | null>(null)
  return (
    <div ref={scrollerRef} data-tick={tick}>
      <div ref={contentRef} />
      <VirtualizerHost
        ids={ids}
        enabled
        scrollerRef={scrollerRef}
        contentRef={contentRef}
        estimateSize={100}
        overscan={2}
        threshold={48}
        focusedId={undefined}
        onChange={() => {}}
        onOwnCommit={onOwnCommit}
      />
    </div>
  )
}

const idsOf = (n: number) => Array.from({ length: n }, (_, i) => `m${i}`)

describe('VirtualizerHost: onOwnCommit', () => {
  it('is called after a commit that did not change ids, not after one that did', () => {
    const own = vi.fn()
    const ids = idsOf(30)
    const { rerender } = render(<Harness ids={ids} tick={0} onOwnCommit={own} />)
    const afterMount = own.mock.calls.length
    // A commit of the parent that left the ids as they were (the Root taking a window, a focus
    // change, the reader's scroll state): the host's commit is one of its own.
    rerender(<Harness ids={ids} tick={1} onOwnCommit={own} />)
    expect(own).toHaveBeenCalledTimes(afterMount + 1)
    rerender(<Harness ids={ids} tick={2} onOwnCommit={own} />)
    expect(own).toHaveBeenCalledTimes(afterMount + 2)
    // New ids (a store publish added a message): the scheduler counted that commit already.
    rerender(<Harness ids={idsOf(31)} tick={2} onOwnCommit={own} />)
    expect(own).toHaveBeenCalledTimes(afterMount + 2)
  })
})

describe("Thread.Root: the virtualizer's own commits count against the store's scheduler", () => {
  it("calls the store scheduler's published() for a commit no publish caused", async () => {
    await preloadVirtualizer()
    const published = vi.fn()
    const scheduler: Scheduler = Object.assign((flush: () => void) => queueMicrotask(flush), {
      published,
    })
    const messages: AgMessage[] = idsOf(50).map((id, i) => ({
      id,
      role: 'user',
      content: `message ${i}`,
    }))
    const store = createAgentStore({
      agent: createScriptedAgent([]),
      threadId: 't',
      initialMessages: messages,
      scheduler,
    })
    expect(store.scheduler).toBe(scheduler)
    const { container } = renderWithAgent(
      <Thread.Root virtualizeAt={10}>
        <Thread.Viewport aria-label="Conversation">
          <Thread.Messages />
        </Thread.Viewport>
      </Thread.Root>,
      { strict: false, store },
    )
    expect(screen.getByRole('log').getAttribute('data-virtualized')).toBe('true')
    const before = published.mock.calls.length
    // Focusing a row re-renders the Root (the focused row stays mounted): no publish caused it.
    const row = container.querySelector<HTMLElement>('[data-index="45"] article')!
    act(() => {
      fireEvent.focus(row)
    })
    expect(published.mock.calls.length).toBeGreaterThan(before)
    store.destroy()
  })
})
