// @vitest-environment jsdom
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { createRef, type Ref } from 'react'
import type { Message as AgMessage } from '../../src/core/protocol/types'
import { createAgentStore } from '../../src/core/store'
import {
  Message,
  preloadVirtualizer,
  Thread,
  type ThreadHandle,
  type ThreadMessageProps,
} from '../../src/primitives'
import { createScriptedAgent } from '../../src/testing'
import { axeViolations, fakeLayout, modes, renderWithAgent } from '../components/chatTestUtils'

afterEach(cleanup)
// The virtualizer is its own chunk: loaded here so long threads virtualize from the first render
// (test/primitives/ThreadVirtualizerLoading.test.tsx covers the list while it loads or fails).
beforeAll(() => preloadVirtualizer())

function Bubble({ id, posInSet }: ThreadMessageProps) {
  return (
    <Message.Root id={id} aria-posinset={posInSet} className="bubble">
      <Message.Content />
    </Message.Root>
  )
}

function CustomThread({ virtualizeAt }: { virtualizeAt?: number }) {
  return (
    <Thread.Root className="thread" virtualizeAt={virtualizeAt}>
      <Thread.Viewport aria-label="Conversation">
        <Thread.Empty>No messages yet</Thread.Empty>
        <Thread.Messages components={{ Message: Bubble }} />
      </Thread.Viewport>
      <Thread.ScrollToBottom>Latest</Thread.ScrollToBottom>
    </Thread.Root>
  )
}

/** A thread of default messages with a "Latest" button. */
function PlainThread({ handleRef }: { handleRef?: Ref<ThreadHandle> }) {
  return (
    <Thread.Root handleRef={handleRef}>
      <Thread.Viewport aria-label="Log">
        <Thread.Messages />
      </Thread.Viewport>
      <Thread.ScrollToBottom>Latest</Thread.ScrollToBottom>
    </Thread.Root>
  )
}

const storeWith = (messages: AgMessage[] = []) =>
  createAgentStore({ agent: createScriptedAgent([]), threadId: 't', initialMessages: messages })

/** A 50-message thread in `CustomThread`, virtualized from 10 messages. */
function renderLongThread(strict: boolean) {
  const messages: AgMessage[] = Array.from({ length: 50 }, (_, i) => ({
    id: `m${i}`,
    role: 'user',
    content: `message ${i}`,
  }))
  const store = storeWith(messages)
  const { container } = renderWithAgent(<CustomThread virtualizeAt={10} />, { strict, store })
  return { store, container }
}

describe.each(modes)('Thread primitives ($name)', ({ strict }) => {
  it('shows Empty while there is no message, then one row per visible message', async () => {
    const store = storeWith()
    const { container } = renderWithAgent(<CustomThread />, { strict, store })
    const root = container.querySelector('[data-awr="thread"]')!
    expect(root.getAttribute('data-state')).toBe('at-bottom')
    const log = screen.getByRole('log', { name: 'Conversation' })
    expect(log.getAttribute('aria-live')).toBe('off')
    expect(log.getAttribute('tabindex')).toBe('0')
    expect(screen.getByText('No messages yet')).toBeTruthy()
    expect(await axeViolations(container)).toEqual([])

    act(() => {
      store.addMessage({ id: 'u1', role: 'user', content: 'hi' })
      store.addMessage({ id: 's1', role: 'system', content: 'hidden' })
      store.addMessage({ id: 'a1', role: 'assistant', content: 'hello' })
    })
    await waitFor(() => expect(container.querySelectorAll('article.bubble')).toHaveLength(2))
    expect(screen.queryByText('No messages yet')).toBeNull()
    const rows = [...container.querySelectorAll('[data-awr="thread-row"]')]
    expect(rows.map((r) => r.getAttribute('data-index'))).toEqual(['0', '1'])
    expect(container.textContent).not.toContain('hidden')
    store.destroy()
  })

  it('renders rows through a render prop, with the index', () => {
    const store = storeWith([
      { id: 'u1', role: 'user', content: 'one' },
      { id: 'u2', role: 'user', content: 'two' },
    ])
    renderWithAgent(
      <Thread.Root>
        <Thread.Viewport aria-label="Log">
          <Thread.Messages>{(id, { index }) => <p>{`${index}:${id}`}</p>}</Thread.Messages>
        </Thread.Viewport>
      </Thread.Root>,
      { strict, store },
    )
    expect(screen.getAllByText(/^\d:u\d$/).map((p) => p.textContent)).toEqual(['0:u1', '1:u2'])
    store.destroy()
  })

  it('asChild renders the given elements with the parts behaviour', () => {
    const store = storeWith([{ id: 'u1', role: 'user', content: 'one' }])
    const { container } = renderWithAgent(
      <Thread.Root asChild>
        <section data-awr="mine" className="frame">
          <Thread.Viewport asChild>
            <main aria-label="Chat log" />
          </Thread.Viewport>
        </section>
      </Thread.Root>,
      { strict, store },
    )
    const section = container.querySelector('section.frame')!
    expect(section.getAttribute('data-awr')).toBe('mine')
    expect(section.getAttribute('data-state')).toBe('at-bottom')
    const main = container.querySelector('main')!
    expect(main.getAttribute('role')).toBe('log')
    expect(main.getAttribute('data-awr')).toBe('thread-viewport')
    store.destroy()
  })

  it('sticks to the bottom, shows ScrollToBottom once scrolled up; it returns and focuses the log', async () => {
    const store = storeWith()
    const handle = createRef<ThreadHandle>()
    const { container } = renderWithAgent(<PlainThread handleRef={handle} />, { strict, store })
    const log = screen.getByRole('log')
    const layout = fakeLayout(log)
    act(() => store.addMessage({ id: 'a1', role: 'assistant', content: 'a long enough reply' }))
    await waitFor(() => expect(log.scrollTop).toBe(layout.bottom()))
    expect(screen.queryByRole('button', { name: 'Latest' })).toBeNull()

    log.scrollTop = 0
    fireEvent.scroll(log)
    const jump = await screen.findByRole('button', { name: 'Latest' })
    expect(jump.getAttribute('data-state')).toBe('visible')
    expect(container.querySelector('[data-awr="thread"]')!.getAttribute('data-state')).toBe(
      'scrolled-up',
    )
    await userEvent.setup().click(jump)
    expect(log.scrollTop).toBe(layout.bottom())
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Latest' })).toBeNull())
    expect(document.activeElement).toBe(log)

    // The imperative handle scrolls too (a composer outside the thread uses it after a send).
    log.scrollTop = 0
    fireEvent.scroll(log)
    await screen.findByRole('button', { name: 'Latest' })
    act(() => handle.current!.scrollToBottom())
    expect(log.scrollTop).toBe(layout.bottom())
    store.destroy()
  })

  it('stays stuck when its own scroll event arrives after content grew (not a user scroll)', async () => {
    const store = storeWith()
    const { container } = renderWithAgent(<PlainThread />, { strict, store })
    const log = screen.getByRole('log')
    const layout = fakeLayout(log)
    act(() => store.addMessage({ id: 'a1', role: 'assistant', content: 'a long enough reply' }))
    await waitFor(() => expect(log.scrollTop).toBe(layout.bottom()))
    const written = log.scrollTop
    // Content grows before the scroll event of that write is dispatched (the browser fires it
    // on the next frame); the position is still where the list put it.
    const late = document.createElement('p')
    late.textContent = 'content that grew in the meantime'
    log.append(late)
    expect(log.scrollTop).toBe(written)
    expect(layout.bottom()).toBeGreaterThan(written)
    fireEvent.scroll(log)
    const root = container.querySelector('[data-awr="thread"]')!
    expect(root.getAttribute('data-state')).toBe('at-bottom')
    expect(screen.queryByRole('button', { name: 'Latest' })).toBeNull()
    // Still following: the next message takes the list to the new end.
    act(() => store.addMessage({ id: 'a2', role: 'assistant', content: 'and the next one' }))
    await waitFor(() => expect(log.scrollTop).toBe(layout.bottom()))
    // A real scroll up (the position moved away from the write) still unsticks.
    log.scrollTop = 0
    fireEvent.scroll(log)
    expect(await screen.findByRole('button', { name: 'Latest' })).toBeTruthy()
    store.destroy()
  })

  it('virtualizes from virtualizeAt: positions in set, set size, Home/End handled', () => {
    const { store, container } = renderLongThread(strict)
    const log = screen.getByRole('log')
    expect(log.getAttribute('data-virtualized')).toBe('true')
    const articles = [...container.querySelectorAll('article')]
    expect(articles.length).toBeGreaterThan(0)
    expect(articles.length).toBeLessThan(50)
    expect(articles.at(-1)!.getAttribute('aria-posinset')).toBe('50')
    expect(articles.at(-1)!.getAttribute('aria-setsize')).toBe('50')
    const home = fireEvent.keyDown(log, { key: 'Home' })
    expect(home).toBe(false) // handled (default prevented)
    store.destroy()
  })

  it('virtualized: the last row renders in flow after the spacer and the virtualized rows', async () => {
    const { store, container } = renderLongThread(strict)
    const content = container.querySelector<HTMLElement>('[data-awr="thread-messages"]')!
    const children = [...content.children] as HTMLElement[]
    expect(children[0].dataset.awr).toBe('thread-spacer')
    const live = children.at(-1)!
    expect(live.dataset.index).toBe('49')
    expect(live.hasAttribute('data-live')).toBe(true)
    expect(live.style.position).toBe('relative')
    expect(content.querySelectorAll('[data-live]')).toHaveLength(1)
    // The virtualized rows are positioned by the virtualizer; the live row is not. The layout
    // this needs is inline (the custom thread here has no stylesheet for it).
    expect(content.style.position).toBe('relative')
    const virtualRows = children.slice(1, -1)
    expect(virtualRows.length).toBeGreaterThan(0)
    for (const row of virtualRows) {
      expect(row.style.transform).toMatch(/^translate3d/)
      expect([row.style.position, row.style.top, row.style.width]).toEqual([
        'absolute',
        '0px',
        '100%',
      ])
    }
    expect(live.style.transform).toBe('none')

    // A new message: the former live row joins the virtualized rows in place (same element).
    const liveArticle = live.querySelector('article')
    act(() => store.addMessage({ id: 'm50', role: 'user', content: 'message 50' }))
    await waitFor(() =>
      expect(content.querySelector<HTMLElement>('[data-live]')!.dataset.index).toBe('50'),
    )
    const former = content.querySelector<HTMLElement>('[data-index="49"]')!
    expect(former).toBe(live)
    expect(former.querySelector('article')).toBe(liveArticle)
    expect(former.hasAttribute('data-live')).toBe(false)
    expect(former.style.position).toBe('absolute')
    expect(former.style.transform).toMatch(/^translate3d/)
    expect(content.lastElementChild!.querySelector('article')!.getAttribute('aria-setsize')).toBe(
      '51',
    )
    store.destroy()
  })

  it('does not virtualize below the threshold (no posinset)', () => {
    const store = storeWith([{ id: 'u1', role: 'user', content: 'x' }])
    const { container } = renderWithAgent(<CustomThread virtualizeAt={10} />, { strict, store })
    expect(screen.getByRole('log').hasAttribute('data-virtualized')).toBe(false)
    expect(container.querySelector('article')!.hasAttribute('aria-posinset')).toBe(false)
    store.destroy()
  })
})

describe('Thread parts outside their Root', () => {
  it('throw an error naming the part', () => {
    const store = storeWith()
    expect(() => renderWithAgent(<Thread.Empty />, { strict: false, store })).toThrow(
      '<Thread.Empty> must be used inside <Thread.Root>.',
    )
    expect(() => render(<Thread.Root />)).toThrow(/AgentProvider/)
    store.destroy()
  })
})
