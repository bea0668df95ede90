// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest'
import { cleanup, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import * as z from 'zod'
import { Chat } from '../../src/components'
import type { BaseEvent, Message, RunAgentInput, ToolMessage } from '../../src/core/protocol/types'
import { createAgentStore, createMemoryPolicyStore } from '../../src/core/store'
import { useBackendTool, useFrontendTool, type ToolRender } from '../../src/react'
import { createScriptedAgent, type ScriptStep } from '../../src/testing'
import { axeViolations, modes, renderWithAgent } from './chatTestUtils'
import { phasedAgent } from './phasedAgent'

afterEach(cleanup)

/** One run: RUN_STARTED, a tool call of `name` with `args` (split in two deltas), RUN_FINISHED. */
function callRun(input: RunAgentInput, id: string, name: string, args: string) {
  const { threadId, runId } = input
  const half = Math.floor(args.length / 2)
  const steps: ScriptStep[] = [
    { type: 'RUN_STARTED', threadId, runId },
    { type: 'TOOL_CALL_START', toolCallId: id, toolCallName: name, parentMessageId: `a-${id}` },
    { type: 'TOOL_CALL_ARGS', toolCallId: id, delta: args.slice(0, half) },
    { type: 'TOOL_CALL_ARGS', toolCallId: id, delta: args.slice(half) },
    { type: 'TOOL_CALL_END', toolCallId: id },
    { type: 'RUN_FINISHED', threadId, runId },
  ]
  return steps
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

/** Run 1 calls delete_file, later runs reply "Done.". */
const deleteAgent = (args = '{"path":"/tmp/a"}') =>
  createScriptedAgent((input, index) =>
    index === 0 ? callRun(input, 'c1', 'delete_file', args) : replyRun(input, 'Done.'),
  )

const pathSchema = z.object({
  path: z
    .string()
    .min(1)
    .refine((p) => p.startsWith('/tmp/'), { message: 'path must be under /tmp/' }),
})

function DeleteTool({ render }: { render?: ToolRender }) {
  useBackendTool({ name: 'delete_file', requiresApproval: true, parameters: pathSchema, render })
  return null
}

const card = (container: Element) =>
  container.querySelector<HTMLElement>('[data-awr="tool-approval"][data-tool-name="delete_file"]')
const button = (name: string) => screen.getByRole('button', { name }) as HTMLButtonElement
const toolResults = (input: RunAgentInput) =>
  input.messages
    .filter((m): m is ToolMessage => m.role === 'tool')
    .map((m) => JSON.parse(m.content as string))

async function send(text: string) {
  const user = userEvent.setup()
  await user.type(screen.getByRole('textbox', { name: 'Message' }), `${text}{Enter}`)
  return user
}

describe.each(modes)('ToolApprovalCard in <Chat /> ($name)', ({ strict }) => {
  it('pending card: focus on Approve, announced, accessible; a double click sends one decision', async () => {
    const agent = deleteAgent()
    const { container } = renderWithAgent(
      <>
        <DeleteTool />
        <Chat />
      </>,
      { strict, agent },
    )
    const user = await send('Clean up')
    await waitFor(() => expect(card(container)?.getAttribute('data-state')).toBe('pending'))
    const el = card(container)!
    expect(within(el).getByRole('button', { name: 'Approve' })).toBe(document.activeElement)
    expect(el.getAttribute('aria-labelledby')).toBeTruthy()
    expect(screen.getByRole('group', { name: 'Approval needed: delete_file' })).toBe(el)
    for (const name of ['Deny', 'Edit', 'Always allow'])
      expect(within(el).getByRole('button', { name })).toBeTruthy()
    expect(container.querySelector('[data-awr="hitl-announcer"]')!.textContent).toContain(
      'Approval needed: delete_file',
    )
    expect(await axeViolations(container)).toEqual([])

    await user.dblClick(button('Approve'))
    await waitFor(() => expect(agent.inputs).toHaveLength(2))
    expect(toolResults(agent.inputs[1])).toEqual([{ approved: true }])
    await waitFor(() => expect(card(container)?.getAttribute('data-state')).toBe('resolved'))
    expect(card(container)!.querySelector('details > summary')!.textContent).toContain('Approved')
    await waitFor(() => expect(screen.getByText('Done.')).toBeTruthy())
    expect(agent.inputs).toHaveLength(2)
    expect(await axeViolations(container)).toEqual([])
  })

  it('deny asks for a reason that goes back to the agent', async () => {
    const agent = deleteAgent()
    const { container } = renderWithAgent(
      <>
        <DeleteTool />
        <Chat />
      </>,
      { strict, agent },
    )
    const user = await send('Clean up')
    await waitFor(() => expect(card(container)?.getAttribute('data-state')).toBe('pending'))
    await user.click(button('Deny'))
    const reason = screen.getByRole('textbox', { name: 'Reason' })
    expect(document.activeElement).toBe(reason)
    await user.type(reason, 'keep it{Enter}')
    await waitFor(() => expect(agent.inputs).toHaveLength(2))
    expect(toolResults(agent.inputs[1])).toEqual([{ approved: false, reason: 'keep it' }])
    await waitFor(() => expect(card(container)?.getAttribute('data-state')).toBe('resolved'))
    expect(card(container)!.getAttribute('data-decision')).toBe('denied')
    expect(card(container)!.querySelector('summary')!.textContent).toContain('Denied: keep it')
  })

  it('edit: a form from the zod schema; args the schema rejects show its message and stay pending', async () => {
    const agent = deleteAgent()
    const { container } = renderWithAgent(
      <>
        <DeleteTool />
        <Chat />
      </>,
      { strict, agent },
    )
    const user = await send('Clean up')
    await waitFor(() => expect(card(container)?.getAttribute('data-state')).toBe('pending'))
    await user.click(button('Edit'))
    const path = screen.getByRole('textbox', { name: 'Path' }) as HTMLInputElement
    expect(path.value).toBe('/tmp/a')
    await user.clear(path)
    await user.type(path, '/etc/passwd')
    await user.click(button('Approve'))
    const alert = within(card(container)!).getByRole('alert')
    expect(alert.textContent).toContain('path must be under /tmp/')
    expect(card(container)!.getAttribute('data-state')).toBe('pending')
    expect(agent.inputs).toHaveLength(1)
    expect(button('Approve').disabled).toBe(false)

    await user.clear(path)
    await user.type(path, '/tmp/b{Enter}')
    await waitFor(() => expect(agent.inputs).toHaveLength(2))
    expect(toolResults(agent.inputs[1])).toEqual([
      { approved: true, editedArgs: { path: '/tmp/b' } },
    ])
    await waitFor(() => expect(card(container)?.getAttribute('data-decision')).toBe('edited'))
  })

  it('arguments streaming: awaiting_args with every action disabled, then pending', async () => {
    // The run pauses mid-arguments until next(): awaiting_args is seen whatever the machine's load.
    const { agent, next } = phasedAgent((input) => {
      const steps = callRun(input, 'c1', 'delete_file', '{"path":"/tmp/slow"}') as BaseEvent[]
      return [steps.slice(0, 3), steps.slice(3)]
    })
    const store = createAgentStore({ agent, threadId: 'thread-1' })
    const { container } = renderWithAgent(
      <>
        <DeleteTool />
        <Chat />
      </>,
      { strict, store },
    )
    await send('Clean up')
    await waitFor(() => expect(card(container)?.getAttribute('data-state')).toBe('awaiting_args'))
    const el = card(container)!
    expect(el.getAttribute('aria-busy')).toBe('true')
    for (const name of ['Approve', 'Deny', 'Edit', 'Always allow'])
      expect(within(el).getByRole('button', { name }).hasAttribute('disabled')).toBe(true)
    next()
    await waitFor(() => expect(card(container)?.getAttribute('data-state')).toBe('pending'))
    expect(button('Approve').disabled).toBe(false)
  })

  it("shows the tool's registered render inside the card instead of the raw arguments", async () => {
    const agent = deleteAgent()
    const render: ToolRender = (call) => (
      <p data-testid="custom">Delete {(call.parsedArgs as { path?: string })?.path}</p>
    )
    const { container } = renderWithAgent(
      <>
        <DeleteTool render={render} />
        <Chat />
      </>,
      { strict, agent },
    )
    await send('Clean up')
    await waitFor(() => expect(card(container)?.getAttribute('data-state')).toBe('pending'))
    expect(within(card(container)!).getByTestId('custom').textContent).toBe('Delete /tmp/a')
    expect(card(container)!.querySelector('[data-awr="tool-approval-args"]')).toBeNull()
  })

  it('frontend tool: executing shows a spinner and aria-busy; a failing handler shows its error', async () => {
    let release: (value: unknown) => void = () => {}
    const agent = createScriptedAgent((input, index) =>
      index === 0 ? callRun(input, 'c1', 'notify', '{"text":"hi"}') : replyRun(input, 'Sent.'),
    )
    function Notify() {
      useFrontendTool({
        name: 'notify',
        parameters: z.object({ text: z.string() }),
        requiresApproval: true,
        handler: () =>
          new Promise((resolve, reject) => {
            release = (v) => (v instanceof Error ? reject(v) : resolve(v))
          }),
      })
      return null
    }
    const { container } = renderWithAgent(
      <>
        <Notify />
        <Chat />
      </>,
      { strict, agent },
    )
    const user = await send('Notify me')
    const notifyCard = () =>
      container.querySelector<HTMLElement>('[data-awr="tool-approval"][data-tool-name="notify"]')
    await waitFor(() => expect(notifyCard()?.getAttribute('data-state')).toBe('pending'))
    await user.click(button('Approve'))
    await waitFor(() => expect(notifyCard()?.getAttribute('data-state')).toBe('executing'))
    expect(notifyCard()!.getAttribute('aria-busy')).toBe('true')
    expect(notifyCard()!.querySelector('.awr-spinner')).toBeTruthy()
    release(new Error('notifications are blocked'))
    await waitFor(() =>
      expect(within(notifyCard()!).getByRole('alert').textContent).toContain(
        'notifications are blocked',
      ),
    )
  })
})

describe('ToolApprovalCard with a real store', () => {
  it('Always allow approves and later calls of the tool are approved by the policy', async () => {
    const policyStore = createMemoryPolicyStore()
    const agent = createScriptedAgent((input, index) =>
      index === 0
        ? callRun(input, 'c1', 'delete_file', '{"path":"/tmp/a"}')
        : index === 2
          ? callRun(input, 'c2', 'delete_file', '{"path":"/tmp/b"}')
          : replyRun(input, 'Done.'),
    )
    const store = createAgentStore({ agent, threadId: 'thread-1', policyStore })
    const { container } = renderWithAgent(
      <>
        <DeleteTool />
        <Chat />
      </>,
      { strict: false, store },
    )
    const user = await send('Clean up')
    await waitFor(() => expect(card(container)?.getAttribute('data-state')).toBe('pending'))
    await user.click(button('Always allow'))
    await waitFor(() => expect(agent.inputs).toHaveLength(2))
    expect(policyStore.isAllowed('delete_file')).toBe(true)
    await waitFor(() => expect(screen.getByText('Done.')).toBeTruthy())
    await send('Again')
    await waitFor(() => expect(agent.inputs).toHaveLength(4))
    const second = container.querySelector<HTMLElement>('[data-tool-call-id="c2"]')!
    await waitFor(() => expect(second.getAttribute('data-state')).toBe('resolved'))
    expect(second.querySelector('summary')!.textContent).toContain('always allow')
    store.destroy()
  })

  it('after a reload the pending approval is rebuilt from the messages and answered from the card', async () => {
    const initialMessages: Message[] = [
      { id: 'u1', role: 'user', content: 'Clean up' },
      {
        id: 'a-c1',
        role: 'assistant',
        toolCalls: [
          {
            id: 'c1',
            type: 'function',
            function: { name: 'delete_file', arguments: '{"path":"/tmp/a"}' },
          },
        ],
      },
    ]
    const agent = createScriptedAgent((input) => replyRun(input, 'Done.'))
    const { container } = renderWithAgent(
      <>
        <DeleteTool />
        <Chat />
      </>,
      { strict: false, agent, initialMessages },
    )
    await waitFor(() => expect(card(container)?.getAttribute('data-state')).toBe('pending'))
    expect(container.querySelector('[data-awr="hitl-announcer"]')!.textContent).toBe(
      'Approval needed: delete_file',
    )
    await userEvent.setup().click(button('Approve'))
    await waitFor(() => expect(agent.inputs).toHaveLength(1))
    expect(toolResults(agent.inputs[0])).toEqual([{ approved: true }])
  })

  it('labels translate every string of the card', async () => {
    const agent = deleteAgent()
    const { container } = renderWithAgent(
      <>
        <DeleteTool />
        <Chat
          labels={{
            approve: 'Genehmigen',
            deny: 'Ablehnen',
            edit: 'Bearbeiten',
            alwaysAllow: 'Immer erlauben',
            approvalNeeded: 'Freigabe nötig: {tool}',
          }}
        />
      </>,
      { strict: false, agent },
    )
    await send('Clean up')
    await waitFor(() => expect(card(container)?.getAttribute('data-state')).toBe('pending'))
    for (const name of ['Genehmigen', 'Ablehnen', 'Bearbeiten', 'Immer erlauben'])
      expect(button(name)).toBeTruthy()
    expect(screen.getByRole('group', { name: 'Freigabe nötig: delete_file' })).toBeTruthy()
  })
})
