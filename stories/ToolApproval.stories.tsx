import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import * as z from 'zod'
import { useBackendTool } from 'agent-wire-react'
import type { RunAgentInput } from 'agent-wire-react/core'
import { createScriptedAgent, type ScriptStep } from 'agent-wire-react/testing'
import { ChatStory } from './support/ChatStory'
import { lastToolResult, replyRun, tokens } from './support/scripts'

function DeleteFileTool() {
  useBackendTool({
    name: 'delete_file',
    requiresApproval: true,
    parameters: z.object({ path: z.string() }),
  })
  return null
}

/** Run 1 asks to call `delete_file` (args streamed token by token); run 2 echoes the decision. */
function deleteRun(input: RunAgentInput): ScriptStep[] {
  const { threadId, runId } = input
  return [
    { type: 'RUN_STARTED', threadId, runId },
    {
      type: 'TOOL_CALL_START',
      toolCallId: 'call-delete',
      toolCallName: 'delete_file',
      parentMessageId: 'assistant-delete',
    },
    ...tokens('{"path": "/tmp/report-2025.csv"}').map((delta) => ({
      type: 'TOOL_CALL_ARGS',
      toolCallId: 'call-delete',
      delta,
    })),
    { type: 'TOOL_CALL_END', toolCallId: 'call-delete' },
    { type: 'RUN_FINISHED', threadId, runId },
  ]
}

const meta = {
  title: 'Human in the loop/Tool approval',
  component: ChatStory,
  args: {
    prompt: 'Delete the old report',
    tools: <DeleteFileTool />,
    createAgent: () =>
      createScriptedAgent(
        (input, runIndex) =>
          runIndex === 0 ? deleteRun(input) : replyRun(input, `Got ${lastToolResult(input)}.`),
        { cadenceMs: 40 },
      ),
  },
  argTypes: { createAgent: { control: false }, tools: { control: false } },
} satisfies Meta<typeof ChatStory>

export default meta
type Story = StoryObj<typeof meta>

const card = (root: HTMLElement) =>
  root.querySelector<HTMLElement>('[data-awr="tool-approval"][data-tool-name="delete_file"]')

/**
 * A `ToolApprovalCard` waiting for a decision: arguments stream in with the buttons disabled,
 * then focus moves to Approve. Approve sends `{"approved":true}` as the tool message and the
 * follow-up run answers.
 */
export const PendingApproval: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await waitFor(() => expect(card(canvasElement)).toHaveAttribute('data-state', 'pending'), {
      timeout: 5000,
    })
    const el = card(canvasElement)!
    await expect(el).toHaveTextContent('/tmp/report-2025.csv')
    const approve = within(el).getByRole('button', { name: 'Approve' })
    await waitFor(() => expect(approve).toHaveFocus())
    await expect(within(el).getByRole('button', { name: 'Deny' })).toBeEnabled()
    await userEvent.click(approve)
    await waitFor(
      () =>
        expect(within(canvas.getByRole('log')).getByText(/^Got/)).toHaveTextContent(
          'Got {"approved":true}.',
        ),
      { timeout: 5000 },
    )
    await expect(card(canvasElement)).toHaveAttribute('data-state', 'resolved')
  },
}

/** Deny asks for an optional reason; Enter sends `{"approved":false,"reason":…}`. */
export const Denied: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await waitFor(() => expect(card(canvasElement)).toHaveAttribute('data-state', 'pending'), {
      timeout: 5000,
    })
    const el = card(canvasElement)!
    await userEvent.click(within(el).getByRole('button', { name: 'Deny' }))
    await userEvent.type(within(el).getByRole('textbox', { name: 'Reason' }), 'Keep it{Enter}')
    await waitFor(
      () =>
        expect(within(canvas.getByRole('log')).getByText(/^Got/)).toHaveTextContent(
          'Got {"approved":false,"reason":"Keep it"}.',
        ),
      { timeout: 5000 },
    )
    await expect(el).toHaveTextContent('Denied: Keep it')
  },
}
