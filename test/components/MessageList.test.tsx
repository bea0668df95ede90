// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest'
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { Chat, selectVisibleMessageIds } from '../../src/components'
import type { Message } from '../../src/core/protocol/types'
import { createSnapshot } from '../../src/core/reducer'
import { createAgentStore } from '../../src/core/store'
import { createScriptedAgent } from '../../src/testing'
import { messageArticle, modes, renderWithAgent } from './chatTestUtils'

afterEach(cleanup)

/** Gives `el` a fake layout: a scroll height that follows its text length, a 100 px viewport. */
function fakeLayout(el: HTMLElement) {
  let scrollTop = 0
  Object.defineProperties(el, {
    clientHeight: { configurable: true, get: () => 100 },
    scrollHeight: { configurable: true, get: () => 100 + (el.textContent?.length ?? 0) * 10 },
    scrollTop: {
      configurable: true,
      get: () => scrollTop,
      set: (value: number) => {
        scrollTop = Math.max(0, Math.min(value, el.scrollHeight - el.clientHeight))
      },
    },
  })
  return { bottom: () => el.scrollHeight - el.clientHeight }
}

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
