// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest'
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { Composer } from '../../src/components'
import { createAgentStore } from '../../src/core/store'
import { createScriptedAgent } from '../../src/testing'
import { modes, renderWithAgent, replyAgent } from './chatTestUtils'

afterEach(cleanup)

describe.each(modes)('<Composer /> ($name)', ({ strict }) => {
  it('Shift+Enter inserts a new line and does not send', async () => {
    const agent = replyAgent('ok')
    renderWithAgent(<Composer />, { strict, agent })
    const user = userEvent.setup()
    const input = screen.getByRole('textbox', { name: 'Message' }) as HTMLTextAreaElement
    await user.type(input, 'line one{Shift>}{Enter}{/Shift}line two')
    expect(input.value).toBe('line one\nline two')
    expect(agent.inputs).toHaveLength(0)

    await user.keyboard('{Enter}')
    expect(input.value).toBe('')
    await waitFor(() => expect(agent.inputs).toHaveLength(1))
    expect(agent.inputs[0].messages.at(-1)).toMatchObject({
      role: 'user',
      content: 'line one\nline two',
    })
  })

  it('Enter during an IME composition does not send', async () => {
    const agent = replyAgent('ok')
    renderWithAgent(<Composer />, { strict, agent })
    const input = screen.getByRole('textbox', { name: 'Message' }) as HTMLTextAreaElement
    fireEvent.change(input, { target: { value: 'にほん' } })
    fireEvent.keyDown(input, { key: 'Enter', isComposing: true })
    fireEvent.keyDown(input, { key: 'Enter', keyCode: 229 })
    expect(input.value).toBe('にほん')
    await Promise.resolve()
    expect(agent.inputs).toHaveLength(0)

    fireEvent.keyDown(input, { key: 'Enter' })
    expect(input.value).toBe('')
    await waitFor(() => expect(agent.inputs).toHaveLength(1))
  })

  it('Enter on blank text sends nothing; the Send button follows the text', async () => {
    const agent = replyAgent('ok')
    renderWithAgent(<Composer placeholder="Ask" />, { strict, agent })
    const user = userEvent.setup()
    const input = screen.getByPlaceholderText('Ask') as HTMLTextAreaElement
    const send = screen.getByRole('button', { name: 'Send' }) as HTMLButtonElement
    await user.type(input, '  {Enter}')
    expect(agent.inputs).toHaveLength(0)
    expect(send.disabled).toBe(true)
    await user.type(input, 'x')
    expect(send.disabled).toBe(false)
  })

  it('does not send a second message while a run is running', async () => {
    const agent = createScriptedAgent((input) => [
      { type: 'RUN_STARTED', threadId: input.threadId, runId: input.runId },
      { delayMs: 60_000 },
    ])
    const store = createAgentStore({ agent, threadId: 'thread-1' })
    renderWithAgent(<Composer />, { strict, store })
    const user = userEvent.setup()
    const input = screen.getByRole('textbox', { name: 'Message' }) as HTMLTextAreaElement
    await user.type(input, 'first{Enter}')
    const stop = await screen.findByRole('button', { name: 'Stop' })
    await user.type(input, 'second{Enter}')
    expect(input.value).toBe('second')
    expect(agent.inputs).toHaveLength(1)
    await user.click(stop)
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Stop' })).toBeNull())
    store.destroy()
  })

  it('with attachments: Attach, chips named for removal, refusal shown as an alert', async () => {
    const agent = replyAgent('ok')
    const { container } = renderWithAgent(<Composer attachments={{ maxAttachmentBytes: 4 }} />, {
      strict,
      agent,
    })
    expect(screen.getByRole('button', { name: 'Attach' })).toBeTruthy()
    const picker = container.querySelector<HTMLInputElement>('input[type="file"]')!
    fireEvent.change(picker, {
      target: { files: [new File(['abc'], 'a.png', { type: 'image/png' })] },
    })
    const list = await screen.findByRole('list', { name: 'Attachments' })
    expect(list.textContent).toContain('a.png')
    fireEvent.change(picker, {
      target: { files: [new File(['abcdef'], 'big.png', { type: 'image/png' })] },
    })
    expect((await screen.findByRole('alert')).textContent).toContain('the limit is 4 bytes')
    await userEvent.setup().click(screen.getByRole('button', { name: 'Remove a.png' }))
    expect(screen.queryByRole('list', { name: 'Attachments' })).toBeNull()
  })

  it('without attachments there is no Attach button', () => {
    renderWithAgent(<Composer />, { strict, agent: replyAgent('ok') })
    expect(screen.queryByRole('button', { name: 'Attach' })).toBeNull()
  })
})
