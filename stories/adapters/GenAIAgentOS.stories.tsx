import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import { GenAIAgentOSAgent, type WebSocketConstructor } from 'agent-wire-react/core'
import { createInBrowserFake } from '../../test/adapters/fakeHost/createInBrowserFake'
import {
  createGenAIFake,
  genaiLog,
  genaiResponse,
  weatherTurn,
  type GenAIFake,
} from '../../test/adapters/genaiAgentOS/createGenAIFake'
import { ChatStory } from '../support/ChatStory'
import { StatusStory } from '../status/StatusStory'

/** A GenAIAgentOSAgent against an in-page fake of GenAI AgentOS (`configure` sets its answers). */
function genai(configure: (fake: GenAIFake) => void = () => {}, provider = 'openai') {
  return () => {
    const fake = createGenAIFake()
    configure(fake)
    const host = createInBrowserFake(fake)
    return new GenAIAgentOSAgent({
      baseUrl: host.baseUrl,
      credentials: { username: 'admin', password: 'admin-pass' },
      provider,
      llmName: 'gpt-4o',
      fetch: host.fetch,
      WebSocket: host.WebSocket as unknown as WebSocketConstructor,
    })
  }
}

const meta = {
  title: 'Adapters/GenAI AgentOS',
  component: ChatStory,
  args: { createAgent: genai() },
  argTypes: { createAgent: { control: false } },
} satisfies Meta<typeof ChatStory>

export default meta
type Story = StoryObj<typeof meta>

/**
 * One frame per turn on `/frontend/ws`; the answer comes whole: the logs (start/end markers →
 * steps) then `agent_response`, whose trace shows as the master agent's `get_weather` call with
 * the called agent's output as its result, then the final text.
 */
export const Chat: Story = {
  args: {
    createAgent: genai((fake) => {
      fake.respond = (turn) => [{ delayMs: 400 }, ...weatherTurn(turn)]
    }),
    chat: { emptyState: 'Ask GenAI AgentOS' },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await userEvent.type(
      canvas.getByRole('textbox', { name: 'Message' }),
      'Weather in Paris?{Enter}',
    )
    await waitFor(
      () =>
        expect(canvasElement).toHaveTextContent('Sunny in Paris (you asked: Weather in Paris?)'),
      { timeout: 5000 },
    )
    await expect(canvasElement).toHaveTextContent('get_weather')
  },
}

/** `is_success: false`: the trace received stays, the run ends with `genai_failed`. */
export const FailedRun: Story = {
  args: {
    createAgent: genai((fake) => {
      fake.respond = (turn) => [
        genaiLog(turn, 'Calling get_weather'),
        genaiResponse(turn, {
          response: 'The weather agent timed out.',
          is_success: false,
          agents_trace: [
            {
              name: 'master_agent',
              output: { tool_calls: [{ name: 'get_weather', args: { city: 'Oslo' }, id: 'c1' }] },
            },
            { name: 'get_weather', output: { error: 'timeout' }, is_success: false, id: 'c1' },
          ],
        }),
      ]
    }),
    prompt: 'Weather in Oslo?',
  },
  play: async ({ canvasElement }) => {
    const banner = await within(canvasElement).findByRole('alert', {}, { timeout: 5000 })
    await expect(banner).toHaveTextContent('The weather agent timed out.')
    await expect(canvasElement).toHaveTextContent('get_weather')
  },
}

/** An unknown provider: GenAI answers `{"error": …}` and closes 1003; the banner shows it. */
export const UnknownProvider: Story = {
  args: { createAgent: genai(() => {}, 'not-a-provider'), prompt: 'Hi' },
  play: async ({ canvasElement }) => {
    const banner = await within(canvasElement).findByRole('alert', {}, { timeout: 5000 })
    await expect(banner).toHaveTextContent('Unknown provider: not-a-provider')
  },
}

/**
 * `<AgentStatusPage />` reading `agent.statusSource`: `/api/agents/` (agents and skills; the
 * `agent_jwt` each carries is never shown) and `/api/agents/active` (connections, health).
 */
export const StatusPage: StoryObj<typeof StatusStory> = {
  render: (args) => <StatusStory {...args} />,
  args: { createAgent: genai(), pollMs: 500 },
  play: async ({ canvasElement }) => {
    const root = within(canvasElement).getByRole('region', { name: /^Agent status:/ })
    const remote = await within(root).findByRole('group', { name: 'Remote status' })
    await waitFor(() => expect(remote).toHaveAttribute('data-health', 'ok'), { timeout: 5000 })
    await expect(remote.querySelector('[data-fact="active connections"] dd')).toHaveTextContent('2')
    const agents = within(root).getByRole('group', { name: 'Agents' })
    await expect(agents.querySelector('[data-id="a-news"]')).toHaveAttribute(
      'data-status',
      'inactive',
    )
    await expect(canvasElement.textContent).not.toContain('SECRET')
  },
}
