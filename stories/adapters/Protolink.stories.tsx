import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import { ProtolinkAgent } from 'agent-wire-react/core'
import { createInBrowserFake } from '../../test/adapters/fakeHost/createInBrowserFake'
import {
  createProtolinkFake,
  type ProtolinkFakeOptions,
} from '../../test/adapters/protolink/createProtolinkFake'
import { ChatStory } from '../support/ChatStory'
import { StatusStory } from '../status/StatusStory'

/**
 * A ProtolinkAgent against an in-page fake of Protolink (which also serves the kit's approval
 * route, as the app's server does in front of a real one): the page's `fetch` stands for the
 * same-origin proxy, since Protolink sends no CORS headers.
 */
function protolink(options: ProtolinkFakeOptions = {}) {
  return () => {
    const host = createInBrowserFake(createProtolinkFake({ frameDelayMs: 40, ...options }))
    return new ProtolinkAgent({ baseUrl: host.baseUrl, fetch: host.fetch })
  }
}

const meta = {
  title: 'Adapters/Protolink',
  component: ChatStory,
  args: { createAgent: protolink() },
  argTypes: { createAgent: { control: false } },
} satisfies Meta<typeof ChatStory>

export default meta
type Story = StoryObj<typeof meta>

const assistants = (root: HTMLElement) =>
  [...root.querySelectorAll<HTMLElement>('article[data-awr="message"][data-role="assistant"]')]
    .map((a) => a.textContent ?? '')
    .join('|')

/** `POST /tasks/stream`: `llm_chunk` frames stream the answer word by word (JSON-RPC SSE). */
export const Chat: Story = {
  args: { chat: { emptyState: 'Talk to the Protolink agent' } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await userEvent.type(canvas.getByRole('textbox', { name: 'Message' }), 'Hello Protolink{Enter}')
    await waitFor(() => expect(assistants(canvasElement)).toContain('You said: Hello Protolink'), {
      timeout: 5000,
    })
  },
}

/**
 * `approval_required` (Protolink's ApprovalBroker): the tool call and the kit's approval card;
 * Approve posts `{approved, request_id}` to `/approvals/{request_id}` and the same task goes on
 * (`tool_start`, `tool_result`, answer).
 */
export const Approval: Story = {
  args: { prompt: 'fetch https://example.test/report' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const approve = await canvas.findByRole('button', { name: 'Approve' }, { timeout: 5000 })
    await expect(canvasElement.textContent).toContain('fetch_url')
    await userEvent.click(approve)
    await waitFor(
      () => expect(assistants(canvasElement)).toContain('The page at https://example.test/report'),
      { timeout: 5000 },
    )
  },
}

/** Deny with a reason: Protolink answers `action_denied` (shown as the call's result) and goes on. */
export const Denied: Story = {
  args: { prompt: 'fetch https://example.test/secret' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await userEvent.click(await canvas.findByRole('button', { name: 'Deny' }, { timeout: 5000 }))
    await userEvent.type(canvas.getByRole('textbox', { name: 'Reason' }), 'Private page{Enter}')
    await waitFor(
      () => expect(assistants(canvasElement)).toContain('Understood, I will not fetch it.'),
      { timeout: 5000 },
    )
  },
}

/** Stop while streaming: the adapter POSTs `/tasks/cancel` (live cancel); the text so far stays. */
export const Cancel: Story = {
  args: { prompt: 'slow answer please' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await waitFor(() => expect(assistants(canvasElement)).toContain('tick 1'), { timeout: 5000 })
    await userEvent.click(canvas.getByRole('button', { name: 'Stop' }))
    await waitFor(() => expect(canvas.queryByRole('button', { name: 'Stop' })).toBeNull())
    await expect(assistants(canvasElement)).toContain('tick 0')
  },
}

/** `task_error` after some text: `RUN_ERROR` with Protolink's `error_code`; the partial answer stays. */
export const TaskError: Story = {
  args: { prompt: 'task_error please' },
  play: async ({ canvasElement }) => {
    const banner = await within(canvasElement).findByRole('alert', {}, { timeout: 5000 })
    await expect(banner).toHaveTextContent('The LLM timed out.')
    await expect(assistants(canvasElement)).toContain('Partial answer')
  },
}

/**
 * `<AgentStatusPage />` reading `agent.statusSource`: the AgentCard (`/.well-known/agent.json`:
 * skills, capabilities, transport, max concurrency) and `/healthz`.
 */
export const StatusPage: StoryObj<typeof StatusStory> = {
  render: (args) => <StatusStory {...args} />,
  args: { createAgent: protolink(), prompt: 'Hello', pollMs: 500 },
  play: async ({ canvasElement }) => {
    const root = within(canvasElement).getByRole('region', { name: /^Agent status:/ })
    const remote = await within(root).findByRole('group', { name: 'Remote status' })
    await waitFor(() => expect(remote).toHaveAttribute('data-health', 'ok'), { timeout: 5000 })
    await expect(remote.querySelector('[data-fact="max concurrency"] dd')).toHaveTextContent('4')
    await waitFor(() => expect(root.querySelector('[data-skill="fetch_url"]')).not.toBeNull())
  },
}
