// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest'
import { cleanup, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { Chat, defaultChatLabels } from '../../src/components'
import { createScriptedAgent } from '../../src/testing'
import {
  axeViolations,
  messageArticle,
  modes,
  renderWithAgent,
  replyAgent,
  textRun,
} from './chatTestUtils'

afterEach(cleanup)

describe.each(modes)('<Chat /> ($name)', ({ strict }) => {
  it('sends with Enter; the reply streams and ends complete', async () => {
    const agent = replyAgent('Hello **there** friend, how are you today?', 15)
    const { container } = renderWithAgent(<Chat />, { strict, agent })
    const user = userEvent.setup()
    const input = screen.getByRole('textbox', { name: 'Message' })
    await user.type(input, 'Hi agent{Enter}')

    expect(input).toHaveProperty('value', '')
    const userArticle = await waitFor(() => {
      const el = container.querySelector('article[data-role="user"]')
      expect(el).not.toBeNull()
      return el as HTMLElement
    })
    expect(userArticle.textContent).toBe('Hi agent')
    expect(userArticle.getAttribute('data-status')).toBe('complete')

    await waitFor(() =>
      expect(messageArticle(container, 'reply-0')?.getAttribute('data-status')).toBe('streaming'),
    )
    expect(screen.getByRole('button', { name: 'Stop' })).toBeTruthy()
    await waitFor(() =>
      expect(messageArticle(container, 'reply-0')?.getAttribute('data-status')).toBe('complete'),
    )
    const reply = messageArticle(container, 'reply-0')!
    expect(reply.getAttribute('data-role')).toBe('assistant')
    expect(reply.textContent).toBe('Hello there friend, how are you today?')
    expect(reply.querySelector('strong')?.textContent).toBe('there')
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Stop' })).toBeNull())

    expect(agent.inputs).toHaveLength(1)
    expect(agent.inputs[0].messages.at(-1)).toMatchObject({ role: 'user', content: 'Hi agent' })
    expect(document.activeElement).toBe(input)
    const announcer = container.querySelector('[data-awr="announcer"]')!
    expect(announcer.getAttribute('aria-live')).toBe('polite')
    expect(announcer.textContent).toBe('Assistant: Hello there friend, how are you today?')
  })

  it('exposes the DOM contract: log with aria-live off, send disabled while empty', async () => {
    const { container } = renderWithAgent(<Chat emptyState="Ask me anything" />, {
      strict,
      agent: replyAgent('ok'),
    })
    const log = screen.getByRole('log', { name: 'Conversation' })
    expect(log.getAttribute('aria-live')).toBe('off')
    expect(within(log).getByText('Ask me anything')).toBeTruthy()
    const send = screen.getByRole('button', { name: 'Send' }) as HTMLButtonElement
    expect(send.disabled).toBe(true)
    await userEvent.setup().type(screen.getByRole('textbox', { name: 'Message' }), '   ')
    expect(send.disabled).toBe(true)
    expect(container.querySelector('[data-awr="chat"]')).not.toBeNull()
  })

  it('clicking Send sends and returns focus to the textarea', async () => {
    const agent = replyAgent('Done.')
    const { container } = renderWithAgent(<Chat />, { strict, agent })
    const user = userEvent.setup()
    const input = screen.getByRole('textbox', { name: 'Message' })
    await user.type(input, 'Click me')
    await user.click(screen.getByRole('button', { name: 'Send' }))
    expect(document.activeElement).toBe(input)
    await waitFor(() => expect(messageArticle(container, 'reply-0')?.textContent).toBe('Done.'))
    expect(agent.inputs).toHaveLength(1)
  })

  it('shows an error banner with the code, and Retry runs again', async () => {
    const agent = createScriptedAgent((input, index) =>
      index === 0
        ? [
            { type: 'RUN_STARTED', threadId: input.threadId, runId: input.runId },
            { type: 'RUN_ERROR', message: 'Model overloaded', code: 'overloaded' },
          ]
        : textRun(input, 'second', ['Recovered']),
    )
    const { container } = renderWithAgent(<Chat />, { strict, agent })
    const user = userEvent.setup()
    await user.type(screen.getByRole('textbox', { name: 'Message' }), 'Try{Enter}')

    const alert = await screen.findByRole('alert')
    expect(alert.textContent).toContain('Model overloaded')
    expect(alert.textContent).toContain('run_error (overloaded)')
    expect(container.querySelector('[data-awr="run-status"]')?.getAttribute('data-status')).toBe(
      'error',
    )

    await user.click(within(alert).getByRole('button', { name: 'Retry' }))
    await waitFor(() => expect(messageArticle(container, 'second')?.textContent).toBe('Recovered'))
    expect(screen.queryByRole('alert')).toBeNull()
    expect(agent.inputs).toHaveLength(2)
    // Retry appends no second user message.
    expect(agent.inputs[1].messages.filter((m) => m.role === 'user')).toHaveLength(1)
  })

  it('shows Stop while running; Stop cancels the run and keeps the partial reply', async () => {
    const agent = createScriptedAgent((input) => [
      { type: 'RUN_STARTED', threadId: input.threadId, runId: input.runId },
      { type: 'TEXT_MESSAGE_START', messageId: 'slow', role: 'assistant' },
      { type: 'TEXT_MESSAGE_CONTENT', messageId: 'slow', delta: 'Partial' },
      { delayMs: 10_000 },
      { type: 'TEXT_MESSAGE_END', messageId: 'slow' },
      { type: 'RUN_FINISHED', threadId: input.threadId, runId: input.runId },
    ])
    const { container } = renderWithAgent(<Chat />, { strict, agent })
    const user = userEvent.setup()
    await user.type(screen.getByRole('textbox', { name: 'Message' }), 'Go{Enter}')
    await waitFor(() => expect(messageArticle(container, 'slow')?.textContent).toBe('Partial'))
    expect((screen.getByRole('button', { name: 'Send' }) as HTMLButtonElement).disabled).toBe(true)

    await user.click(screen.getByRole('button', { name: 'Stop' }))
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Stop' })).toBeNull())
    const status = container.querySelector('[data-awr="run-status"]')!
    expect(status.getAttribute('data-status')).toBe('cancelled')
    expect(status.textContent).toBe(defaultChatLabels.runStatus.cancelled)
    expect(messageArticle(container, 'slow')?.textContent).toBe('Partial')
    expect(messageArticle(container, 'slow')?.getAttribute('data-status')).toBe('complete')
    expect(screen.queryByRole('alert')).toBeNull()
  })

  it('uses overridden labels', async () => {
    renderWithAgent(
      <Chat
        labels={{
          send: 'Envoyer',
          composer: 'Votre message',
          messageList: 'Fil',
          runStatus: { running: 'Réflexion…' } as never,
        }}
        placeholder="Écrivez ici"
      />,
      {
        strict,
        // The run stays running until the test ends, so "Réflexion…" is there to be seen.
        agent: createScriptedAgent((input) => [
          { type: 'RUN_STARTED', threadId: input.threadId, runId: input.runId },
          { delayMs: 60_000 },
        ]),
      },
    )
    const input = screen.getByRole('textbox', { name: 'Votre message' })
    expect(input.getAttribute('placeholder')).toBe('Écrivez ici')
    expect(screen.getByRole('log', { name: 'Fil' })).toBeTruthy()
    await userEvent.setup().type(input, 'Bonjour{Enter}')
    expect(await screen.findByText('Réflexion…')).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Envoyer' })).toBeTruthy()
    // Keys not overridden keep their defaults.
    expect(screen.getByRole('button', { name: 'Stop' })).toBeTruthy()
  })

  it('has no axe violations, idle and after a conversation with an error', async () => {
    const agent = createScriptedAgent((input) => [
      ...textRun(input, 'md', [
        '# Title\n\n- a\n- b\n\n```js\nlet x = 1\n```\n\n| h |\n|---|\n| c |\n',
      ]).slice(0, -1),
      { type: 'RUN_ERROR', message: 'Boom' },
    ])
    const { container } = renderWithAgent(<Chat emptyState="Nothing yet" />, { strict, agent })
    expect(await axeViolations(container)).toEqual([])
    await userEvent.setup().type(screen.getByRole('textbox', { name: 'Message' }), 'Hi{Enter}')
    await screen.findByRole('alert')
    expect(container.querySelector('table')).not.toBeNull()
    expect(await axeViolations(container)).toEqual([])
  })
})
