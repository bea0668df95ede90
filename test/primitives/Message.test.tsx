// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useState } from 'react'
import type { ContentPart, Message as AgMessage } from '../../src/core/protocol/types'
import { createAgentStore } from '../../src/core/store'
import { Message, partLabel, partUrl } from '../../src/primitives'
import { createScriptedAgent } from '../../src/testing'
import { axeViolations, modes, renderWithAgent } from '../components/chatTestUtils'

afterEach(cleanup)

const storeWith = (messages: AgMessage[]) =>
  createAgentStore({ agent: createScriptedAgent([]), threadId: 't', initialMessages: messages })

const article = (id: string) =>
  document.querySelector<HTMLElement>(`article[data-message-id="${id}"]`)

function Show({ id }: { id: string }) {
  return (
    <Message.Root id={id} roleLabels={{ user: 'You', assistant: 'Assistant' }}>
      <Message.Content />
    </Message.Root>
  )
}

const parts: ContentPart[] = [
  { type: 'text', text: 'Look' },
  { type: 'image', source: { type: 'url', value: 'https://x.test/a.png' }, metadata: { alt: 'A' } },
  { type: 'image', source: { type: 'url', value: 'javascript:alert(1)' } },
  {
    type: 'document',
    source: { type: 'url', value: 'https://x.test/r.pdf', mimeType: 'application/pdf' },
    metadata: { filename: 'r.pdf' },
  },
  { type: 'audio', source: { type: 'data', value: 'AAAA', mimeType: 'audio/wav' } },
  { type: 'video', source: { type: 'file', value: 'file-123' } },
  {
    type: 'hologram',
    source: { type: 'url', value: 'https://x.test/h' },
  } as unknown as ContentPart,
  { type: 'document' } as unknown as ContentPart,
]

describe.each(modes)('Message primitives ($name)', ({ strict }) => {
  it('Root: data-role, data-status, aria-label by role; system messages render nothing', async () => {
    const store = storeWith([
      { id: 's', role: 'system', content: 'secret' },
      { id: 'u', role: 'user', content: 'hi <b>x</b>' },
    ])
    const { container } = renderWithAgent(
      <>
        <Show id="s" />
        <Show id="u" />
        <Show id="missing" />
      </>,
      { strict, store },
    )
    expect(article('s')).toBeNull()
    const user = article('u')!
    expect(user.getAttribute('data-role')).toBe('user')
    expect(user.getAttribute('data-status')).toBe('complete')
    expect(user.getAttribute('aria-label')).toBe('You')
    expect(user.querySelector('[data-awr="message-text"]')!.textContent).toBe('hi <b>x</b>')
    expect(user.querySelector('b')).toBeNull()
    expect(await axeViolations(container)).toEqual([])
    store.destroy()
  })

  it('Root: streaming while the reply arrives, complete once stopped', async () => {
    const agent = createScriptedAgent((input) => [
      { type: 'RUN_STARTED', threadId: input.threadId, runId: input.runId },
      { type: 'TEXT_MESSAGE_START', messageId: 'a1', role: 'assistant' },
      { type: 'TEXT_MESSAGE_CONTENT', messageId: 'a1', delta: 'one ' },
      { delayMs: 60_000 },
      { type: 'TEXT_MESSAGE_END', messageId: 'a1' },
    ])
    const store = createAgentStore({ agent, threadId: 't' })
    renderWithAgent(<Show id="a1" />, { strict, store })
    act(() => void store.run())
    await waitFor(() => expect(article('a1')?.getAttribute('data-status')).toBe('streaming'))
    expect(article('a1')!.getAttribute('aria-busy')).toBe('true')
    act(() => store.stop())
    await waitFor(() => expect(article('a1')!.getAttribute('data-status')).toBe('complete'))
    expect(article('a1')!.hasAttribute('aria-busy')).toBe(false)
    expect(article('a1')!.textContent).toBe('one ')
    store.destroy()
  })

  it('Content: multimodal parts render safely; unknown and malformed parts never crash', async () => {
    const store = storeWith([{ id: 'u', role: 'user', content: parts }])
    const { container } = renderWithAgent(<Show id="u" />, { strict, store })
    const user = article('u')!
    const imgs = [...user.querySelectorAll('img')]
    expect(imgs.map((i) => [i.getAttribute('src'), i.getAttribute('alt')])).toEqual([
      ['https://x.test/a.png', 'A'],
    ])
    const blocked = user.querySelector('[data-awr="message-image"][data-state="blocked"]')!
    expect(blocked.getAttribute('role')).toBe('img')
    const files = [...user.querySelectorAll('[data-awr="message-file"]')]
    expect(files.map((f) => [f.tagName, f.getAttribute('data-type'), f.textContent])).toEqual([
      ['A', 'document', 'r.pdf'],
      ['SPAN', 'audio', 'audio (audio/wav)'],
      ['SPAN', 'video', 'video'],
      ['A', 'hologram', 'hologram'],
      ['SPAN', 'document', 'document'],
    ])
    const link = files[0] as HTMLAnchorElement
    expect(link.getAttribute('href')).toBe('https://x.test/r.pdf')
    expect(link.getAttribute('rel')).toBe('noopener noreferrer nofollow')
    expect(container.innerHTML).not.toContain('javascript:')
    expect(await axeViolations(container)).toEqual([])
    store.destroy()
  })

  it('Image: a failed load falls back to its alt text', () => {
    const store = storeWith([{ id: 'u', role: 'user', content: parts.slice(1, 2) }])
    renderWithAgent(<Show id="u" />, { strict, store })
    fireEvent.error(screen.getByRole('img', { name: 'A' }))
    const fallback = screen.getByRole('img', { name: 'A' })
    expect(fallback.tagName).toBe('SPAN')
    expect(fallback.getAttribute('data-state')).toBe('error')
    store.destroy()
  })

  it('Content: components replace each kind; Pending while an assistant reply is empty', async () => {
    const store = storeWith([
      {
        id: 'a',
        role: 'assistant',
        content: 'text',
        toolCalls: [{ id: 'c1', type: 'function', function: { name: 'f', arguments: '{"x":1}' } }],
      },
      { id: 'r', role: 'reasoning', content: 'thinking' },
      { id: 'act', role: 'activity', activityType: 'PLAN', content: { steps: 1 } },
      { id: 't', role: 'tool', toolCallId: 'zz', content: '{"ok":true}', error: 'boom' },
    ])
    const components = {
      Text: ({ text }: { text: string }) => <em>{text.toUpperCase()}</em>,
      ToolCall: ({ toolCall }: { toolCall: { id: string } }) => <i>call {toolCall.id}</i>,
    }
    renderWithAgent(
      <>
        {['a', 'r', 'act', 't'].map((id) => (
          <Message.Root key={id} id={id}>
            <Message.Content components={components} />
          </Message.Root>
        ))}
      </>,
      { strict, store },
    )
    expect(article('a')!.querySelector('em')!.textContent).toBe('TEXT')
    expect(article('a')!.querySelector('i')!.textContent).toBe('call c1')
    const details = article('r')!.querySelector('details')!
    expect(details.open).toBe(false)
    expect(details.getAttribute('data-state')).toBe('closed')
    expect(details.textContent).toContain('thinking')
    const activity = article('act')!.querySelector('[data-awr="message-activity"]')!
    expect(activity.getAttribute('data-activity-type')).toBe('PLAN')
    expect(activity.querySelector('pre')!.textContent).toBe('{\n  "steps": 1\n}')
    const result = article('t')!.querySelector('[data-awr="message-tool-result"]')!
    expect(result.getAttribute('data-state')).toBe('failed')
    expect(result.textContent).toContain('"ok": true')
    expect(result.textContent).toContain('boom')
    store.destroy()
  })

  it('Content: by default a tool call renders as Message.ToolCall, live from the store', () => {
    const store = storeWith([
      {
        id: 'a',
        role: 'assistant',
        toolCalls: [
          { id: 'c1', type: 'function', function: { name: 'lookup', arguments: '{"q":1}' } },
        ],
      },
      { id: 't', role: 'tool', toolCallId: 'c1', content: '"found"' },
    ])
    renderWithAgent(<Show id="a" />, { strict, store })
    const call = article('a')!.querySelector('[data-awr="tool-call"]')!
    expect(call.getAttribute('data-status')).toBe('done')
    expect(call.querySelector('[data-awr="tool-call-name"]')!.textContent).toBe('lookup')
    expect(call.querySelector('[data-awr="tool-call-result"]')!.textContent).toBe('"found"')
    store.destroy()
  })

  it('Reasoning: uncontrolled toggles; controlled follows the prop and reports', async () => {
    const store = storeWith([{ id: 'r', role: 'reasoning', content: 'why' }])
    const onOpenChange = vi.fn()
    function Controlled() {
      const [open, setOpen] = useState(true)
      return (
        <Message.Root id="r">
          <Message.Reasoning
            open={open}
            onOpenChange={(next) => {
              onOpenChange(next)
              setOpen(next)
            }}
            summary="Why"
          />
          <button onClick={() => setOpen(false)}>close</button>
        </Message.Root>
      )
    }
    renderWithAgent(<Controlled />, { strict, store })
    const details = document.querySelector('details')!
    expect(details.open).toBe(true)
    await userEvent.setup().click(screen.getByRole('button', { name: 'close' }))
    expect(details.open).toBe(false)
    expect(details.getAttribute('data-state')).toBe('closed')
    details.open = true
    fireEvent(details, new Event('toggle'))
    expect(onOpenChange).toHaveBeenLastCalledWith(true)
    await waitFor(() => expect(details.getAttribute('data-state')).toBe('open'))
    store.destroy()
  })

  it('asChild: Root and Text render the given element', () => {
    const store = storeWith([{ id: 'u', role: 'user', content: 'hey' }])
    const { container } = renderWithAgent(
      <Message.Root id="u" asChild>
        <li className="row">
          <Message.Text asChild>
            <p className="t" />
          </Message.Text>
        </li>
      </Message.Root>,
      { strict, store },
    )
    const li = container.querySelector('li.row')!
    expect(li.getAttribute('data-role')).toBe('user')
    expect(container.querySelector('p.t')!.textContent).toBe('hey')
    store.destroy()
  })
})

describe('message media helpers', () => {
  it('partUrl keeps http(s) and image data only; partLabel names a part', () => {
    expect(
      partUrl({ type: 'image', source: { type: 'url', value: ' https://a/b ' } }, 'image'),
    ).toBe('https://a/b')
    expect(
      partUrl(
        { type: 'image', source: { type: 'data', value: 'QQ==', mimeType: 'image/png' } },
        'image',
      ),
    ).toBe('data:image/png;base64,QQ==')
    expect(
      partUrl(
        { type: 'image', source: { type: 'data', value: 'QQ==', mimeType: 'text/html' } },
        'image',
      ),
    ).toBeUndefined()
    expect(
      partUrl(
        { type: 'document', source: { type: 'data', value: 'QQ==', mimeType: 'application/pdf' } },
        'link',
      ),
    ).toBeUndefined()
    expect(
      partUrl(
        { type: 'document', source: { type: 'url', value: 'data:text/html,<script>' } },
        'link',
      ),
    ).toBeUndefined()
    expect(
      partLabel({
        type: 'audio',
        source: { type: 'url', value: 'x', mimeType: 'audio/mp3' },
        metadata: { name: 'song' },
      }),
    ).toBe('song')
  })

  it('parts outside Message.Root throw an error naming the part', () => {
    expect(() => render(<Message.Text />)).toThrow(
      '<Message.Text> must be used inside <Message.Root>.',
    )
  })
})
