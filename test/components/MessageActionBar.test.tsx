// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { Chat, MessageActionBar } from '../../src/components'
import type { Message } from '../../src/core/protocol/types'
import { createAgentStore } from '../../src/core/store'
import { axeViolations, modes, renderWithAgent, replyAgent } from './chatTestUtils'

const history: Message[] = [
  { id: 'u1', role: 'user', content: 'First question' },
  { id: 'a1', role: 'assistant', content: 'First answer' },
  { id: 'u2', role: 'user', content: 'Second question' },
  { id: 'a2', role: 'assistant', content: 'Second **answer**' },
]

function setup(strict: boolean, ids = ['u1', 'a1', 'u2', 'a2']) {
  const agent = replyAgent('New reply')
  const store = createAgentStore({ agent, threadId: 'thread-1', initialMessages: history })
  const view = renderWithAgent(
    <>
      {ids.map((id) => (
        <div key={id} data-testid={id}>
          <MessageActionBar messageId={id} />
        </div>
      ))}
    </>,
    { strict, store },
  )
  const group = (id: string) => within(screen.getByTestId(id))
  return { agent, store, view, group }
}

const originalClipboard = Object.getOwnPropertyDescriptor(navigator, 'clipboard')

afterEach(() => {
  cleanup()
  if (originalClipboard) Object.defineProperty(navigator, 'clipboard', originalClipboard)
  else delete (navigator as { clipboard?: unknown }).clipboard
  delete (document as { execCommand?: unknown }).execCommand
})

function mockClipboard(writeText: (text: string) => Promise<void>) {
  Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText } })
}

describe.each(modes)('<MessageActionBar /> ($name)', ({ strict }) => {
  it('copies the message text with the Clipboard API and shows "Copied"', async () => {
    const writeText = vi.fn(() => Promise.resolve())
    mockClipboard(writeText)
    const { group } = setup(strict)
    const copy = group('a2').getByRole('button', { name: 'Copy' })
    fireEvent.click(copy)
    await waitFor(() => expect(copy.getAttribute('data-state')).toBe('copied'))
    expect(writeText).toHaveBeenCalledWith('Second **answer**')
    expect(copy.textContent).toBe('Copied')
    expect(group('a2').getByRole('status').textContent).toBe('Copied')
  })

  it('falls back to execCommand when the Clipboard API is missing or refuses', async () => {
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: undefined })
    const execCommand = vi.fn(() => true)
    Object.defineProperty(document, 'execCommand', { configurable: true, value: execCommand })
    const { group } = setup(strict)
    const copy = group('u1').getByRole('button', { name: 'Copy' })
    fireEvent.click(copy)
    await waitFor(() => expect(copy.getAttribute('data-state')).toBe('copied'))
    expect(execCommand).toHaveBeenCalledWith('copy')
    // The hidden textarea is gone again.
    expect(document.querySelectorAll('textarea')).toHaveLength(0)

    mockClipboard(() => Promise.reject(new Error('denied')))
    execCommand.mockReturnValue(false)
    const other = group('u2').getByRole('button', { name: 'Copy' })
    fireEvent.click(other)
    await waitFor(() => expect(other.getAttribute('data-state')).toBe('failed'))
    expect(other.textContent).toBe('Copy failed')
  })

  it('offers Regenerate on the last reply only, and Edit on user messages only', () => {
    const { group } = setup(strict)
    expect(group('a2').queryByRole('button', { name: 'Regenerate' })).not.toBeNull()
    expect(group('a1').queryByRole('button', { name: 'Regenerate' })).toBeNull()
    expect(group('a2').queryByRole('button', { name: 'Edit message' })).toBeNull()
    expect(group('u1').queryByRole('button', { name: 'Edit message' })).not.toBeNull()
    expect(group('u1').queryByRole('button', { name: 'Regenerate' })).toBeNull()
  })

  it('Regenerate drops the last reply and runs again from the user message before it', async () => {
    const { agent, store, group } = setup(strict)
    fireEvent.click(group('a2').getByRole('button', { name: 'Regenerate' }))
    await waitFor(() => expect(store.getSnapshot().run.status).toBe('finished'))
    expect(agent.inputs[0].messages.map((m) => m.id)).toEqual(['u1', 'a1', 'u2'])
    expect(store.getSnapshot().messages.map((m) => m.content)).toEqual([
      'First question',
      'First answer',
      'Second question',
      'New reply',
    ])
  })

  it('Edit opens a focused form with the text; Escape closes it and returns focus', async () => {
    const { group, agent } = setup(strict)
    const edit = group('u1').getByRole('button', { name: 'Edit message' })
    expect(edit.getAttribute('aria-expanded')).toBe('false')
    fireEvent.click(edit)
    const input = group('u1').getByRole('textbox', { name: 'Edit your message' })
    expect(input).toHaveProperty('value', 'First question')
    expect(document.activeElement).toBe(input)
    expect(edit.getAttribute('aria-expanded')).toBe('true')
    expect(edit.getAttribute('aria-controls')).toBe(input.closest('form')?.id)
    fireEvent.keyDown(input, { key: 'Escape' })
    expect(group('u1').queryByRole('textbox')).toBeNull()
    expect(document.activeElement).toBe(edit)
    expect(agent.inputs).toHaveLength(0)
  })

  it('Enter in the form sends the edit: later messages go, the run starts', async () => {
    const { group, store, agent } = setup(strict)
    fireEvent.click(group('u1').getByRole('button', { name: 'Edit message' }))
    const input = group('u1').getByRole('textbox')
    fireEvent.change(input, { target: { value: '  Edited question ' } })
    fireEvent.keyDown(input, { key: 'Enter' })
    await waitFor(() => expect(store.getSnapshot().run.status).toBe('finished'))
    expect(agent.inputs[0].messages.map((m) => m.content)).toEqual(['Edited question'])
    expect(store.getSnapshot().messages.map((m) => m.content)).toEqual([
      'Edited question',
      'New reply',
    ])
  })

  it('an empty draft cannot be sent', () => {
    const { group, agent } = setup(strict)
    fireEvent.click(group('u2').getByRole('button', { name: 'Edit message' }))
    fireEvent.change(group('u2').getByRole('textbox'), { target: { value: '   ' } })
    const send = group('u2').getByRole('button', { name: 'Send' })
    expect(send).toHaveProperty('disabled', true)
    fireEvent.keyDown(group('u2').getByRole('textbox'), { key: 'Enter' })
    expect(agent.inputs).toHaveLength(0)
    expect(group('u2').queryByRole('textbox')).not.toBeNull()
  })

  it('disables Regenerate and Edit while a run is running', async () => {
    const agent = replyAgent('slow reply', 20)
    const store = createAgentStore({ agent, threadId: 'thread-1', initialMessages: history })
    renderWithAgent(
      <>
        <div data-testid="u1">
          <MessageActionBar messageId="u1" />
        </div>
        <div data-testid="a2">
          <MessageActionBar messageId="a2" />
        </div>
      </>,
      { strict, store },
    )
    let done!: Promise<unknown>
    act(() => {
      done = store.run({ message: 'more' })
    })
    const edit = within(screen.getByTestId('u1')).getByRole('button', { name: 'Edit message' })
    expect(edit).toHaveProperty('disabled', true)
    await act(async () => {
      await done
    })
    expect(edit).toHaveProperty('disabled', false)
    // a2 is no longer the last reply.
    expect(
      within(screen.getByTestId('a2')).queryByRole('button', { name: 'Regenerate' }),
    ).toBeNull()
  })

  it('in <Chat />, Regenerate and a sent edit move focus to the composer', async () => {
    const store = createAgentStore({
      agent: replyAgent('New reply'),
      threadId: 'thread-1',
      initialMessages: history,
    })
    const { container } = renderWithAgent(<Chat />, { strict, store })
    const composer = screen.getByRole('textbox', { name: 'Message' })
    const regenerate = await screen.findByRole('button', { name: 'Regenerate' })
    regenerate.focus()
    fireEvent.click(regenerate)
    expect(document.activeElement).toBe(composer)
    await waitFor(() => expect(store.getSnapshot().run.status).toBe('finished'))

    const firstUser = container.querySelector('[data-message-id="u1"]')!.nextElementSibling!
    fireEvent.click(within(firstUser as HTMLElement).getByRole('button', { name: 'Edit message' }))
    fireEvent.keyDown(screen.getByRole('textbox', { name: 'Edit your message' }), {
      key: 'Enter',
    })
    expect(document.activeElement).toBe(composer)
    await waitFor(() => expect(store.getSnapshot().run.status).toBe('finished'))
    expect(store.getSnapshot().messages.map((m) => m.content)).toEqual([
      'First question',
      'New reply',
    ])
  })

  it('has no axe violations, closed and while editing', async () => {
    const { group, view } = setup(strict)
    expect(await axeViolations(view.container)).toEqual([])
    fireEvent.click(group('u1').getByRole('button', { name: 'Edit message' }))
    expect(await axeViolations(view.container)).toEqual([])
  })
})
