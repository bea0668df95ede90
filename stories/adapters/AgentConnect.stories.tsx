import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import {
  AgentConnectAgent,
  type AgentConnectSessionConfig,
  type WebSocketConstructor,
} from 'agent-wire-react/core'
import { createInBrowserFake } from '../../test/adapters/fakeHost/createInBrowserFake'
import {
  createAgentConnectFake,
  type AgentConnectFake,
} from '../../test/adapters/agentConnect/createAgentConnectFake'
import { ChatStory } from '../support/ChatStory'
import { StatusStory } from '../status/StatusStory'

const HUMAN: AgentConnectSessionConfig = {
  agents: { ai_agent: { provider: 'openai', model: 'gpt-4o' } },
}

/** An AgentConnectAgent against an in-page fake of AgentConnect (`configure` sets its replies). */
function agentConnect(
  configure: (fake: AgentConnectFake) => void = () => {},
  session: AgentConnectSessionConfig = HUMAN,
) {
  return () => {
    const fake = createAgentConnectFake({ pingMs: 1000 })
    configure(fake)
    const host = createInBrowserFake(fake)
    return new AgentConnectAgent({
      baseUrl: host.baseUrl,
      credentials: { username: 'demo', password: 'demo123' },
      session,
      fetch: host.fetch,
      WebSocket: host.WebSocket as unknown as WebSocketConstructor,
    })
  }
}

const meta = {
  title: 'Adapters/AgentConnect',
  component: ChatStory,
  args: { createAgent: agentConnect() },
  argTypes: { createAgent: { control: false } },
} satisfies Meta<typeof ChatStory>

export default meta
type Story = StoryObj<typeof meta>

const assistants = (root: HTMLElement) =>
  [...root.querySelectorAll<HTMLElement>('article[data-role="assistant"]')].map(
    (a) => a.textContent,
  )

/**
 * Login (form POST), session create, then the session WebSocket: the reply arrives as one
 * `type: "text"` frame from `ai1_<session>` (pings every second are swallowed).
 */
export const Chat: Story = {
  args: {
    createAgent: agentConnect((fake) => {
      fake.respond = (text) => [
        { delayMs: 300 },
        { frame: { type: 'text', content: `AgentConnect heard: **${text}**` } },
      ]
    }),
    chat: { emptyState: 'Talk to the AgentConnect agent' },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await userEvent.type(canvas.getByRole('textbox', { name: 'Message' }), 'Hello{Enter}')
    await waitFor(() => expect(assistants(canvasElement)).toEqual(['AgentConnect heard: Hello']), {
      timeout: 5000,
    })
    await userEvent.type(canvas.getByRole('textbox', { name: 'Message' }), 'Again{Enter}')
    await waitFor(() => expect(assistants(canvasElement)).toHaveLength(2), { timeout: 5000 })
  },
}

/**
 * The agent answers with `cooldown`: the run ends; the next message fails at once with
 * `rate_limited` (nothing is sent until the cooldown is over).
 */
export const Cooldown: Story = {
  args: {
    createAgent: agentConnect((fake) => {
      fake.respond = () => [
        {
          frame: {
            type: 'cooldown',
            content: 'Cooling down',
            metadata: { cooldown_remaining: 45 },
          },
        },
      ]
    }),
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const input = canvas.getByRole('textbox', { name: 'Message' })
    await userEvent.type(input, 'First{Enter}')
    await waitFor(() => expect(canvas.queryByRole('button', { name: 'Stop' })).toBeNull(), {
      timeout: 5000,
    })
    await userEvent.type(input, 'Second{Enter}')
    const banner = await canvas.findByRole('alert', {}, { timeout: 5000 })
    await expect(banner).toHaveTextContent('rate_limited')
  },
}

/** An `agent_agent` session: each turn is an assistant message named by its sender, until `stop`. */
export const AgentToAgent: Story = {
  args: {
    createAgent: agentConnect(
      (fake) => {
        fake.respond = (_text, session) => {
          const [a, b] = Object.values(session.agents).map((x) => x.agent_id)
          return [
            { delayMs: 200 },
            { frame: { type: 'text', content: 'I propose we start with the data.', sender: a } },
            { delayMs: 200 },
            { frame: { type: 'text', content: 'Agreed, then the model.', sender: b } },
            { frame: { type: 'stop', content: 'Done', metadata: { reason: 'max_turns_reached' } } },
          ]
        }
      },
      {
        session_type: 'agent_agent',
        agents: { a: { provider: 'openai' }, b: { provider: 'groq' } },
      },
    ),
    prompt: 'Plan the project',
  },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(assistants(canvasElement)).toHaveLength(2), { timeout: 5000 })
    await expect(assistants(canvasElement)[1]).toContain('Agreed, then the model.')
  },
}

/** An error frame: `RUN_ERROR` with the agent's code, shown in the banner with Retry. */
export const ErrorFrame: Story = {
  args: {
    createAgent: agentConnect((fake) => {
      fake.respond = () => [
        {
          frame: {
            type: 'error',
            content: 'Provider quota exceeded',
            metadata: { code: 'provider_error' },
          },
        },
      ]
    }),
    prompt: 'Hi',
  },
  play: async ({ canvasElement }) => {
    const banner = await within(canvasElement).findByRole('alert', {}, { timeout: 5000 })
    await expect(banner).toHaveTextContent('Provider quota exceeded')
  },
}

/**
 * `<AgentStatusPage />` reading `agent.statusSource`: `/api/agents/status/{id}` (card, health,
 * facts) and `/api/agents/list` (agents), after a first message opened the session.
 */
export const StatusPage: StoryObj<typeof StatusStory> = {
  render: (args) => <StatusStory {...args} />,
  args: { createAgent: agentConnect(), prompt: 'Hello', pollMs: 500 },
  play: async ({ canvasElement }) => {
    const root = within(canvasElement).getByRole('region', { name: /^Agent status:/ })
    const remote = await within(root).findByRole('group', { name: 'Remote status' })
    await waitFor(() => expect(remote).toHaveAttribute('data-health', 'ok'), { timeout: 5000 })
    await expect(remote.querySelector('[data-fact="model"] dd')).toHaveTextContent('gpt-4o')
    const agents = within(root).getByRole('group', { name: 'Agents' })
    await expect(agents.querySelector('[data-status="active"]')).not.toBeNull()
    await waitFor(() =>
      expect(root).toHaveAttribute('aria-label', 'Agent status: Assistant (gpt-4o)'),
    )
  },
}
