// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest'
import { cleanup, render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import * as z from 'zod'
import { Chat, InterruptPrompt } from '../../src/components'
import type { Interrupt, RunAgentInput, ToolMessage } from '../../src/core/protocol/types'
import { createAgentStore } from '../../src/core/store'
import { useBackendTool } from '../../src/react'
import { createScriptedAgent, type ScriptStep } from '../../src/testing'
import { axeViolations, modes, renderWithAgent } from './chatTestUtils'

afterEach(cleanup)

const nameQuestion: Interrupt = {
  id: 'int-1',
  reason: 'input_required',
  message: 'What name should I use?',
  responseSchema: {
    type: 'object',
    properties: { response: { type: 'string', title: 'Name' } },
    required: ['response'],
  },
}

function interruptRun(input: RunAgentInput, interrupts: Interrupt[]): ScriptStep[] {
  const { threadId, runId } = input
  return [
    { type: 'RUN_STARTED', threadId, runId },
    { type: 'RUN_FINISHED', threadId, runId, outcome: { type: 'interrupt', interrupts } },
  ]
}

function replyRun(input: RunAgentInput, text: string): ScriptStep[] {
  const { threadId, runId } = input
  return [
    { type: 'RUN_STARTED', threadId, runId },
    { type: 'TEXT_MESSAGE_START', messageId: `r-${runId}`, role: 'assistant' },
    { type: 'TEXT_MESSAGE_CONTENT', messageId: `r-${runId}`, delta: text },
    { type: 'TEXT_MESSAGE_END', messageId: `r-${runId}` },
    { type: 'RUN_FINISHED', threadId, runId },
  ]
}

const askAgent = (...interrupts: Interrupt[]) =>
  createScriptedAgent((input, index) =>
    index === 0 ? interruptRun(input, interrupts) : replyRun(input, 'Thanks.'),
  )

const prompt = (container: Element, id = 'int-1') =>
  container.querySelector<HTMLElement>(`[data-awr="interrupt"][data-interrupt-id="${id}"]`)
const button = (name: string) => screen.getByRole('button', { name }) as HTMLButtonElement

async function send(text: string) {
  const user = userEvent.setup()
  await user.type(screen.getByRole('textbox', { name: 'Message' }), `${text}{Enter}`)
  return user
}

describe.each(modes)('InterruptPrompt in <Chat /> ($name)', ({ strict }) => {
  it('asks above the composer, focuses the field, and the resume run carries the answer', async () => {
    const agent = askAgent(nameQuestion)
    const { container } = renderWithAgent(<Chat />, { strict, agent })
    const user = await send('Book it')
    await waitFor(() => expect(prompt(container)?.getAttribute('data-state')).toBe('open'))
    const el = prompt(container)!
    // Above the composer, outside the message list.
    const composer = container.querySelector('[data-awr="composer"]')!
    expect(el.compareDocumentPosition(composer) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy()
    expect(container.querySelector('[data-awr="message-list"]')!.contains(el)).toBe(false)
    expect(screen.getByRole('group', { name: 'Input needed' })).toBe(el)
    expect(within(el).getByText('What name should I use?')).toBeTruthy()
    const field = within(el).getByRole('textbox', { name: 'Name' })
    expect(document.activeElement).toBe(field)
    expect(container.querySelector('[data-awr="hitl-announcer"]')!.textContent).toContain(
      'Input needed: What name should I use?',
    )
    expect(await axeViolations(container)).toEqual([])

    await user.click(button('Submit'))
    expect(within(el).getByText('Required')).toBeTruthy()
    expect(agent.inputs).toHaveLength(1)
    await user.type(field, 'Ann{Enter}')
    await waitFor(() => expect(agent.inputs).toHaveLength(2))
    expect(agent.inputs[1].resume).toEqual([
      { interruptId: 'int-1', status: 'resolved', payload: { response: 'Ann' } },
    ])
    await waitFor(() => expect(screen.getByText('Thanks.')).toBeTruthy())
    expect(prompt(container)).toBeNull()
  })

  it('Cancel sends a cancelled resume entry', async () => {
    const agent = askAgent(nameQuestion)
    const { container } = renderWithAgent(<Chat />, { strict, agent })
    const user = await send('Book it')
    await waitFor(() => expect(prompt(container)).toBeTruthy())
    await user.click(button('Cancel'))
    await waitFor(() => expect(agent.inputs).toHaveLength(2))
    expect(agent.inputs[1].resume).toEqual([{ interruptId: 'int-1', status: 'cancelled' }])
  })

  it('an answer the store rejects shows its message and keeps the prompt open', async () => {
    const agent = askAgent({
      ...nameQuestion,
      responseSchema: {
        type: 'object',
        properties: { response: { type: 'string', title: 'Name', not: { const: 'root' } } },
        required: ['response'],
      },
    })
    const { container } = renderWithAgent(<Chat />, { strict, agent })
    const user = await send('Book it')
    await waitFor(() => expect(prompt(container)).toBeTruthy())
    await user.type(within(prompt(container)!).getByRole('textbox', { name: 'Name' }), 'root')
    await user.click(button('Submit'))
    const alert = within(prompt(container)!).getByRole('alert')
    expect(alert.textContent).toMatch(/does not match its responseSchema: \/response/)
    expect(prompt(container)!.getAttribute('data-state')).toBe('open')
    expect(agent.inputs).toHaveLength(1)
    await user.clear(within(prompt(container)!).getByRole('textbox', { name: 'Name' }))
    await user.type(within(prompt(container)!).getByRole('textbox', { name: 'Name' }), 'Ann')
    await user.click(button('Submit'))
    await waitFor(() => expect(agent.inputs).toHaveLength(2))
  })

  it('shows the time left; an interrupt past expiresAt offers only Cancel', async () => {
    const soon = new Date(Date.now() + 10 * 60_000).toISOString()
    const past = new Date(Date.now() - 60_000).toISOString()
    const agent = askAgent(
      { ...nameQuestion, id: 'late', expiresAt: past },
      { ...nameQuestion, id: 'fine', expiresAt: soon },
    )
    const { container } = renderWithAgent(<Chat />, { strict, agent })
    const user = await send('Book it')
    await waitFor(() => expect(prompt(container, 'fine')).toBeTruthy())
    const late = prompt(container, 'late')!
    expect(late.getAttribute('data-state')).toBe('expired')
    expect(
      within(late)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Cancel'])
    expect(within(late).getByRole('timer').textContent).toContain('Expired')
    expect(within(prompt(container, 'fine')!).getByRole('timer').textContent).toMatch(
      /^Expires in (10:00|9:5\d)/,
    )
    await user.click(within(late).getByRole('button', { name: 'Cancel' }))
    await user.type(
      within(prompt(container, 'fine')!).getByRole('textbox', { name: 'Name' }),
      'Bo{Enter}',
    )
    await waitFor(() => expect(agent.inputs).toHaveLength(2))
    expect(agent.inputs[1].resume).toEqual([
      { interruptId: 'late', status: 'cancelled' },
      { interruptId: 'fine', status: 'resolved', payload: { response: 'Bo' } },
    ])
  })

  it('a resume the server rejects shows the error and the answer can be sent again', async () => {
    let runs = 0
    const agent = createScriptedAgent((input) => {
      runs++
      if (runs === 1) return interruptRun(input, [nameQuestion])
      if (runs === 2)
        return [
          { type: 'RUN_STARTED', threadId: input.threadId, runId: input.runId },
          { type: 'RUN_ERROR', message: 'unknown interrupt', code: 'bad_resume' },
        ]
      return replyRun(input, 'Thanks.')
    })
    const { container } = renderWithAgent(<Chat />, { strict, agent })
    const user = await send('Book it')
    await waitFor(() => expect(prompt(container)).toBeTruthy())
    await user.type(within(prompt(container)!).getByRole('textbox', { name: 'Name' }), 'Ann{Enter}')
    await waitFor(() => expect(within(prompt(container)!).queryByRole('alert')).toBeTruthy())
    expect(within(prompt(container)!).getByRole('alert').textContent).toMatch(/unknown interrupt/)
    expect(prompt(container)!.getAttribute('data-state')).toBe('open')
    await user.click(button('Submit'))
    await waitFor(() => expect(agent.inputs).toHaveLength(3))
    expect(agent.inputs[2].resume).toEqual([
      { interruptId: 'int-1', status: 'resolved', payload: { response: 'Ann' } },
    ])
  })
})

function toolCallInterruptAgent(expiresAt?: string) {
  return createScriptedAgent((input, index) => {
    const { threadId, runId } = input
    if (index > 0) return replyRun(input, 'Deleted.')
    const interrupt = { id: 'i-del', reason: 'tool_call', toolCallId: 'c1', message: 'Delete?' }
    return [
      { type: 'RUN_STARTED', threadId, runId },
      {
        type: 'TOOL_CALL_START',
        toolCallId: 'c1',
        toolCallName: 'delete_file',
        parentMessageId: 'a1',
      },
      { type: 'TOOL_CALL_ARGS', toolCallId: 'c1', delta: '{"path":"/tmp/a"}' },
      { type: 'TOOL_CALL_END', toolCallId: 'c1' },
      {
        type: 'RUN_FINISHED',
        threadId,
        runId,
        outcome: {
          type: 'interrupt',
          interrupts: [{ ...interrupt, ...(expiresAt && { expiresAt }) }],
        },
      },
    ]
  })
}

function Tools() {
  useBackendTool({ name: 'delete_file', parameters: z.object({ path: z.string() }) })
  return null
}

const approvalCard = (container: Element) =>
  container.querySelector<HTMLElement>('[data-awr="tool-approval"][data-tool-name="delete_file"]')

describe('interrupts tied to an approval', () => {
  it('a tool_call interrupt is answered from the approval card, not a separate prompt', async () => {
    const agent = toolCallInterruptAgent()
    const store = createAgentStore({ agent, threadId: 'thread-1' })
    const { container } = renderWithAgent(
      <>
        <Tools />
        <Chat />
      </>,
      { strict: false, store },
    )
    const user = await send('Delete it')
    await waitFor(() =>
      expect(
        container
          .querySelector('[data-awr="tool-approval"][data-tool-name="delete_file"]')
          ?.getAttribute('data-state'),
      ).toBe('pending'),
    )
    expect(container.querySelector('[data-awr="interrupt"]')).toBeNull()
    await user.click(button('Approve'))
    await waitFor(() => expect(agent.inputs).toHaveLength(2))
    expect(agent.inputs[1].resume).toEqual([
      { interruptId: 'i-del', status: 'resolved', payload: { approved: true } },
    ])
    expect(agent.inputs[1].messages.filter((m): m is ToolMessage => m.role === 'tool')).toEqual([])
    store.destroy()
  })
})

describe('expired tool_call interrupt', () => {
  it('the approval card offers only Cancel, which sends a cancelled resume entry', async () => {
    const agent = toolCallInterruptAgent(new Date(Date.now() - 60_000).toISOString())
    const store = createAgentStore({ agent, threadId: 'thread-1' })
    const { container } = renderWithAgent(
      <>
        <Tools />
        <Chat />
      </>,
      { strict: false, store },
    )
    const user = await send('Delete it')
    await waitFor(() => expect(approvalCard(container)?.getAttribute('data-state')).toBe('expired'))
    const card = approvalCard(container)!
    expect(
      within(card)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Cancel'])
    expect(container.querySelector('[data-awr="interrupt"]')).toBeNull()
    await user.click(within(card).getByRole('button', { name: 'Cancel' }))
    await waitFor(() => expect(agent.inputs).toHaveLength(2))
    expect(agent.inputs[1].resume).toEqual([{ interruptId: 'i-del', status: 'cancelled' }])
    store.destroy()
  })
})

describe('InterruptPrompt (plain props)', () => {
  it('renders without a provider, with labels from the defaults', async () => {
    const { container } = render(
      <InterruptPrompt
        interrupt={{ ...nameQuestion, state: 'answered' }}
        onRespond={() => undefined}
      />,
    )
    expect(prompt(container)!.getAttribute('data-state')).toBe('answered')
    expect(screen.getByText('Answer sent.')).toBeTruthy()
    expect(button('Submit').disabled).toBe(true)
    expect(await axeViolations(container)).toEqual([])
  })
})
