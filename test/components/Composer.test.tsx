// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest'
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { Composer } from '../../src/components'
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
    const agent = replyAgent('a slow reply with several words', 20)
    renderWithAgent(<Composer />, { strict, agent })
    const user = userEvent.setup()
    const input = screen.getByRole('textbox', { name: 'Message' }) as HTMLTextAreaElement
    await user.type(input, 'first{Enter}')
    await screen.findByRole('button', { name: 'Stop' })
    await user.type(input, 'second{Enter}')
    expect(input.value).toBe('second')
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Stop' })).toBeNull())
    expect(agent.inputs).toHaveLength(1)
  })
})
