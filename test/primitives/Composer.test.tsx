// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useState } from 'react'
import type { AgentError } from '../../src/core/protocol/AgentError'
import { createAgentStore } from '../../src/core/store'
import { ComposerPrimitive as Composer, type ComposerRootProps } from '../../src/primitives'
import { createScriptedAgent } from '../../src/testing'
import { axeViolations, modes, renderWithAgent, replyAgent } from '../components/chatTestUtils'

afterEach(cleanup)

function Box(props: ComposerRootProps) {
  return (
    <Composer.Root {...props}>
      <Composer.Attachments aria-label="Attachments" />
      <Composer.Input aria-label="Message" />
      <Composer.Error />
      <Composer.AddAttachment>Attach</Composer.AddAttachment>
      <Composer.Stop>Stop</Composer.Stop>
      <Composer.Send>Send</Composer.Send>
    </Composer.Root>
  )
}

const input = () => screen.getByRole('textbox', { name: 'Message' }) as HTMLTextAreaElement
const sendButton = () => screen.getByRole('button', { name: 'Send' }) as HTMLButtonElement
const fileInput = () =>
  document.querySelector<HTMLInputElement>('[data-awr="composer-file-input"]')!
const file = (name: string, text: string, type: string) => new File([text], name, { type })
const lastContent = (agent: ReturnType<typeof replyAgent>) =>
  agent.inputs.at(-1)!.messages.at(-1)!.content

describe.each(modes)('Composer primitives ($name)', ({ strict }) => {
  it('Enter sends and refocuses the input, Shift+Enter is a new line, IME Enter does nothing', async () => {
    const agent = replyAgent('ok')
    const onSend = vi.fn()
    const { container } = renderWithAgent(<Box onSend={onSend} />, { strict, agent })
    expect(await axeViolations(container)).toEqual([])
    const user = userEvent.setup()
    expect(sendButton().disabled).toBe(true)
    await user.type(input(), 'one{Shift>}{Enter}{/Shift}two')
    expect(input().value).toBe('one\ntwo')
    fireEvent.keyDown(input(), { key: 'Enter', isComposing: true })
    fireEvent.keyDown(input(), { key: 'Enter', keyCode: 229 })
    expect(agent.inputs).toHaveLength(0)
    await user.keyboard('{Enter}')
    expect(input().value).toBe('')
    expect(document.activeElement).toBe(input())
    expect(onSend).toHaveBeenCalledWith('one\ntwo')
    await waitFor(() => expect(agent.inputs).toHaveLength(1))
    expect(lastContent(agent)).toBe('one\ntwo')
  })

  it('controlled value: follows the prop, reports typing and the clear after a send', async () => {
    const agent = replyAgent('ok')
    const seen: string[] = []
    function Controlled() {
      const [value, setValue] = useState('draft')
      return (
        <Box
          value={value}
          onValueChange={(next) => {
            seen.push(next)
            setValue(next.toUpperCase())
          }}
        />
      )
    }
    renderWithAgent(<Controlled />, { strict, agent })
    expect(input().value).toBe('draft')
    await userEvent.setup().type(input(), 'x')
    expect(input().value).toBe('DRAFTX')
    await userEvent.setup().click(sendButton())
    expect(seen.at(-1)).toBe('')
    await waitFor(() => expect(agent.inputs).toHaveLength(1))
    expect(lastContent(agent)).toBe('DRAFTX')
  })

  it('uncontrolled defaultValue; Stop shows while running and stops', async () => {
    const agent = createScriptedAgent((input) => [
      { type: 'RUN_STARTED', threadId: input.threadId, runId: input.runId },
      { delayMs: 60_000 },
    ])
    const store = createAgentStore({ agent, threadId: 't' })
    renderWithAgent(<Box defaultValue="hello" />, { strict, store })
    expect(input().value).toBe('hello')
    expect(screen.queryByRole('button', { name: 'Stop' })).toBeNull()
    await userEvent.setup().click(sendButton())
    const stop = await screen.findByRole('button', { name: 'Stop' })
    expect(document.querySelector('[data-awr="composer"]')!.getAttribute('data-state')).toBe(
      'running',
    )
    await userEvent.setup().type(input(), 'next')
    expect(sendButton().disabled).toBe(true)
    await userEvent.setup().click(stop)
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Stop' })).toBeNull())
    expect(store.getSnapshot().run.status).toBe('cancelled')
    store.destroy()
  })

  it('attachments: pick, chips with remove, sent as multimodal content parts', async () => {
    const agent = replyAgent('ok')
    const click = vi.spyOn(HTMLInputElement.prototype, 'click').mockImplementation(() => {})
    renderWithAgent(<Box />, { strict, agent })
    const user = userEvent.setup()
    await user.click(screen.getByRole('button', { name: 'Attach' }))
    expect(click).toHaveBeenCalled()
    click.mockRestore()
    await user.upload(fileInput(), [
      file('a.png', 'hello', 'image/png'),
      file('notes.txt', 'n', 'text/plain'),
    ])
    const chips = await screen.findAllByRole('listitem')
    expect(chips.map((c) => c.textContent)).toEqual(['a.png×', 'notes.txt×'])
    await user.click(screen.getByRole('button', { name: 'Remove notes.txt' }))
    expect(screen.getAllByRole('listitem')).toHaveLength(1)
    expect(document.activeElement).toBe(input())
    await waitFor(() => expect(sendButton().disabled).toBe(false))
    await user.type(input(), 'see{Enter}')
    await waitFor(() => expect(agent.inputs).toHaveLength(1))
    expect(lastContent(agent)).toEqual([
      { type: 'text', text: 'see' },
      {
        type: 'image',
        source: { type: 'data', value: btoa('hello'), mimeType: 'image/png' },
        metadata: { filename: 'a.png', size: 5 },
      },
    ])
    expect(screen.queryByRole('listitem')).toBeNull()
  })

  it('attachments: paste and drop files; a file alone can be sent', async () => {
    const agent = replyAgent('ok')
    renderWithAgent(<Box />, { strict, agent })
    fireEvent.paste(input(), {
      clipboardData: { files: [file('p.pdf', '%PDF', 'application/pdf')], types: ['Files'] },
    })
    const form = document.querySelector('[data-awr="composer"]')!
    const dropped = { files: [file('d.wav', 'RIFF', 'audio/wav')], types: ['Files'] }
    fireEvent.dragOver(form, { dataTransfer: dropped })
    expect(form.hasAttribute('data-dragging')).toBe(true)
    fireEvent.drop(form, { dataTransfer: dropped })
    expect(form.hasAttribute('data-dragging')).toBe(false)
    await waitFor(() => expect(screen.getAllByRole('listitem')).toHaveLength(2))
    await waitFor(() => expect(sendButton().disabled).toBe(false))
    await userEvent.setup().click(sendButton())
    await waitFor(() => expect(agent.inputs).toHaveLength(1))
    const content = lastContent(agent) as Array<{ type: string }>
    expect(content.map((p) => p.type)).toEqual(['document', 'audio'])
  })

  it('attachments: count, size and type limits give a clear, typed error', async () => {
    const agent = replyAgent('ok')
    const errors: AgentError[] = []
    renderWithAgent(
      <Box
        maxAttachments={2}
        maxAttachmentBytes={10}
        accept="image/*,.pdf"
        onAttachmentError={(e) => errors.push(e)}
      />,
      { strict, agent },
    )
    const upload = (...files: File[]) => fireEvent.change(fileInput(), { target: { files } })
    upload(file('big.png', 'x'.repeat(20), 'image/png'))
    expect(errors.at(-1)?.code).toBe('limit_exceeded')
    const alert = await screen.findByRole('alert')
    expect(alert.textContent).toBe('"big.png" is 20 bytes; the limit is 10 bytes per file.')
    expect(input().getAttribute('aria-describedby')).toBe(alert.id)
    upload(file('x.exe', 'x', 'application/x-msdownload'))
    expect(errors.at(-1)?.code).toBe('attachment_rejected')
    expect(screen.getByRole('alert').textContent).toContain('not an accepted file type')
    upload(file('1.png', '1', 'image/png'), file('2.pdf', '2', ''), file('3.png', '3', 'image/png'))
    await waitFor(() => expect(screen.getAllByRole('listitem')).toHaveLength(2))
    expect(errors.at(-1)?.message).toBe('At most 2 attachments per message: "3.png" was not added.')
    expect((screen.getByRole('button', { name: 'Attach' }) as HTMLButtonElement).disabled).toBe(
      true,
    )
    expect(errors).toHaveLength(3)
  })

  it('maxAttachments 0 turns attachments off: no Attach button, pasted files are ignored', () => {
    const agent = replyAgent('ok')
    renderWithAgent(<Box maxAttachments={0} />, { strict, agent })
    expect(screen.queryByRole('button', { name: 'Attach' })).toBeNull()
    fireEvent.paste(input(), {
      clipboardData: { files: [file('p.png', 'p', 'image/png')], types: ['Files'] },
    })
    expect(screen.queryByRole('listitem')).toBeNull()
  })

  it('asChild: Send renders the given element', () => {
    const agent = replyAgent('ok')
    renderWithAgent(
      <Composer.Root>
        <Composer.Input aria-label="Message" />
        <Composer.Send asChild>
          <button className="mine">Go</button>
        </Composer.Send>
      </Composer.Root>,
      { strict, agent },
    )
    const go = screen.getByRole('button', { name: 'Go' })
    expect(go.className).toBe('mine')
    expect(go.getAttribute('data-awr')).toBe('composer-send')
    expect((go as HTMLButtonElement).disabled).toBe(true)
  })
})

describe('Composer parts outside a Root', () => {
  it('throw an error naming the part', () => {
    expect(() => render(<Composer.Input />)).toThrow(
      '<ComposerPrimitive.Input> must be used inside <ComposerPrimitive.Root>.',
    )
  })
})
