// @vitest-environment jsdom
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { Chat, MessageList, selectVisibleMessageIds } from '../../src/components'
import type { Message } from '../../src/core/protocol/types'
import { createSnapshot } from '../../src/core/reducer'
import { createAgentStore } from '../../src/core/store'
import { preloadVirtualizer } from '../../src/primitives'
import { createScriptedAgent } from '../../src/testing'
import { fakeLayout, messageArticle, modes, renderWithAgent } from './chatTestUtils'

afterEach(cleanup)
// The virtualizer is its own chunk: loaded here so long threads virtualize from the first render.
beforeAll(() => preloadVirtualizer())

describe.each(modes)('<MessageList /> scrolling ($name)', ({ strict }) => {
  it('sticks to the bottom while content grows, stops after the user scrolls up, re-sticks on send', async () => {
    const store = createAgentStore({ agent: createScriptedAgent([]), threadId: 'thread-1' })
    renderWithAgent(<Chat />, { strict, store })
    const log = screen.getByRole('log')
    const layout = fakeLayout(log)

    act(() => store.addMessage({ id: 'm1', role: 'assistant', content: 'first reply text' }))
    await waitFor(() => expect(log.scrollTop).toBe(layout.bottom()))
    expect(log.scrollTop).toBeGreaterThan(0)

    // The user scrolls up: new content no longer moves the view.
    log.scrollTop = 10
    fireEvent.scroll(log)
    act(() =>
      store.addMessage({ id: 'm2', role: 'assistant', content: 'second reply, longer text' }),
    )
    await waitFor(() => expect(messageArticle(log, 'm2')).not.toBeNull())
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(log.scrollTop).toBe(10)

    // Sending a message sticks to the bottom again.
    await userEvent
      .setup()
      .type(screen.getByRole('textbox', { name: 'Message' }), 'back down{Enter}')
    await waitFor(() => expect(log.querySelectorAll('article')).toHaveLength(3))
    await waitFor(() => expect(log.scrollTop).toBe(layout.bottom()))
    store.destroy()
  })
})

describe('selectVisibleMessageIds', () => {
  it('drops system/developer messages and tool results shown in a card, keeps orphans', () => {
    const messages: Message[] = [
      { id: 's', role: 'system', content: 'sys' },
      { id: 'd', role: 'developer', content: 'dev' },
      { id: 'u', role: 'user', content: 'hi' },
      {
        id: 'a',
        role: 'assistant',
        toolCalls: [{ id: 'c1', type: 'function', function: { name: 'f', arguments: '{}' } }],
      },
      { id: 't1', role: 'tool', toolCallId: 'c1', content: 'r1' },
      { id: 't2', role: 'tool', toolCallId: 'unknown', content: 'r2' },
    ]
    const base = createSnapshot({ messages })
    const snapshot = {
      ...base,
      messages,
      toolCalls: {
        c1: { id: 'c1', name: 'f', messageId: 'a', status: 'resolved' as const, args: '{}' },
      },
    }
    expect(selectVisibleMessageIds(snapshot)).toEqual(['u', 'a', 't2'])
  })
})

describe.each(modes)('<MessageList /> jump to latest and long threads ($name)', ({ strict }) => {
  it('shows "Jump to latest" once scrolled up; it returns to the bottom and keeps focus in the log', async () => {
    const store = createAgentStore({ agent: createScriptedAgent([]), threadId: 'thread-1' })
    renderWithAgent(<Chat />, { strict, store })
    const log = screen.getByRole('log')
    const layout = fakeLayout(log)
    act(() => store.addMessage({ id: 'm1', role: 'assistant', content: 'a long enough reply' }))
    await waitFor(() => expect(log.scrollTop).toBe(layout.bottom()))
    expect(screen.queryByRole('button', { name: 'Jump to latest' })).toBeNull()

    log.scrollTop = 0
    fireEvent.scroll(log)
    const jump = await screen.findByRole('button', { name: 'Jump to latest' })
    await userEvent.setup().click(jump)
    expect(log.scrollTop).toBe(layout.bottom())
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Jump to latest' })).toBeNull())
    expect(document.activeElement).toBe(log)
    store.destroy()
  })

  it('virtualizes from `virtualizeAt` messages; without layout it shows the latest ones', () => {
    const messages: Message[] = Array.from({ length: 300 }, (_, i) => ({
      id: `m${i}`,
      role: i % 2 ? 'assistant' : 'user',
      content: `message ${i}`,
    }))
    const { container } = renderWithAgent(<MessageList virtualizeAt={50} />, {
      strict,
      agent: createScriptedAgent([]),
      initialMessages: messages,
    })
    expect(screen.getByRole('log').hasAttribute('data-virtualized')).toBe(true)
    // jsdom does no layout: the list cannot tell what is in view and renders the newest rows.
    const articles = [...container.querySelectorAll('article')]
    expect(articles.map((a) => a.dataset.messageId)).toEqual(messages.slice(-20).map((m) => m.id))
    for (const article of articles) {
      const index = Number(article.getAttribute('data-message-id')!.slice(1))
      expect(article.getAttribute('aria-posinset')).toBe(String(index + 1))
      expect(article.getAttribute('aria-setsize')).toBe('300')
    }
  })

  it('does not virtualize below the threshold: every message is an article, without positions', () => {
    const messages: Message[] = [
      { id: 'u', role: 'user', content: 'hi' },
      { id: 'a', role: 'assistant', content: 'hello' },
    ]
    const { container } = renderWithAgent(<MessageList />, {
      strict,
      agent: createScriptedAgent([]),
      initialMessages: messages,
    })
    expect(screen.getByRole('log').hasAttribute('data-virtualized')).toBe(false)
    const articles = [...container.querySelectorAll('article')]
    expect(articles.map((a) => a.dataset.messageId)).toEqual(['u', 'a'])
    expect(articles.every((a) => !a.hasAttribute('aria-posinset'))).toBe(true)
  })
})

describe('<Chat virtualizeAt>', () => {
  it('passes the threshold to the message list', () => {
    const messages: Message[] = Array.from({ length: 8 }, (_, i) => ({
      id: `m${i}`,
      role: 'user',
      content: `message ${i}`,
    }))
    const store = createAgentStore({
      agent: createScriptedAgent([]),
      threadId: 'thread-1',
      initialMessages: messages,
    })
    renderWithAgent(<Chat virtualizeAt={5} />, { strict: false, store })
    expect(screen.getByRole('log').getAttribute('data-virtualized')).toBe('true')
    cleanup()
    renderWithAgent(<Chat />, { strict: false, store })
    expect(screen.getByRole('log').hasAttribute('data-virtualized')).toBe(false)
    store.destroy()
  })
})
