import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import { UAgentsChatAgent } from 'agent-wire-react/core'
import { createInBrowserUAgents } from '../../test/adapters/uagents/createInBrowserUAgents'
import type { FakeUAgent } from '../../test/adapters/uagents/createFakeUAgent'
import { ChatStory } from '../support/ChatStory'
import { StatusStory } from '../status/StatusStory'

/**
 * A UAgentsChatAgent against the kit's real uAgents bridge and a fake uAgent, both hosted in the
 * page (envelopes with real digests, acknowledgements, replies pushed to the bridge's /submit).
 */
function uagents(configure: (agent: FakeUAgent) => void = () => {}, ackTimeoutMs = 3000) {
  return () => {
    const world = createInBrowserUAgents({ ackTimeoutMs }, { chunkDelayMs: 150 })
    configure(world.agent)
    return new UAgentsChatAgent({ url: world.url, fetch: world.fetch, quietMs: 400 })
  }
}

const meta = {
  title: 'Adapters/uAgents',
  component: ChatStory,
  args: { createAgent: uagents() },
  argTypes: { createAgent: { control: false } },
} satisfies Meta<typeof ChatStory>

export default meta
type Story = StoryObj<typeof meta>

const assistants = (root: HTMLElement) =>
  [...root.querySelectorAll<HTMLElement>('article[data-role="assistant"]')].map(
    (a) => a.textContent,
  )
const idle = (canvas: ReturnType<typeof within>) =>
  waitFor(() => expect(canvas.queryByRole('button', { name: 'Stop' })).toBeNull(), {
    timeout: 5000,
  })

/** A text turn: ChatMessage → ChatAcknowledgement (CUSTOM `uagents.delivered`) → the reply. */
export const Chat: Story = {
  args: { chat: { emptyState: 'Talk to the uAgent (try "stream", "resource", "book", "bye")' } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await userEvent.type(canvas.getByRole('textbox', { name: 'Message' }), 'Hello{Enter}')
    await waitFor(() => expect(assistants(canvasElement)).toEqual(['You said: Hello']), {
      timeout: 5000,
    })
    await idle(canvas)
  },
}

/** `start-stream` … `end-stream` over several ChatMessages: one streamed assistant message. */
export const Streamed: Story = {
  args: { prompt: 'stream' },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(assistants(canvasElement)).toEqual(['Streaming one message.']), {
      timeout: 5000,
    })
  },
}

/** A `resource` item: an attachment card (activity message) after the text. */
export const Resource: Story = {
  args: { prompt: 'resource' },
  play: async ({ canvasElement }) => {
    await waitFor(
      () => expect(canvasElement.querySelector('article[data-role="activity"]')).not.toBeNull(),
      { timeout: 5000 },
    )
    await expect(canvasElement.querySelector('article[data-role="activity"]')).toHaveTextContent(
      'report.pdf',
    )
  },
}

/** A form card: the interrupt form; Submit sends a card-response ChatMessage, the agent confirms. */
export const FormCard: Story = {
  args: { prompt: 'book' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const form = await canvas.findByRole('group', { name: 'Input needed' }, { timeout: 5000 })
    await expect(form).toHaveTextContent('Book a table')
    await userEvent.type(within(form).getByRole('textbox', { name: 'Guests' }), '2')
    await userEvent.selectOptions(within(form).getByRole('combobox', { name: 'Time' }), '21:00')
    await userEvent.click(within(form).getByRole('button', { name: 'Submit' }))
    await waitFor(() => expect(assistants(canvasElement).at(-1)).toMatch(/^Booked: .*"21:00"/), {
      timeout: 5000,
    })
  },
}

/** The agent never acknowledges: the bridge reports it lost; the banner shows heartbeat_timeout. */
export const LostAgent: Story = {
  args: {
    createAgent: uagents((agent) => {
      agent.responsive = false
    }, 500),
    prompt: 'Are you there?',
  },
  play: async ({ canvasElement }) => {
    const banner = await within(canvasElement).findByRole('alert', {}, { timeout: 5000 })
    await expect(banner).toHaveTextContent('did not acknowledge')
  },
}

/**
 * `<AgentStatusPage />` reading `agent.statusSource`: the bridge's `/status` (agent_info,
 * `HEAD /submit` readiness, the AgentChatProtocol manifest with its models and interactions).
 */
export const StatusPage: StoryObj<typeof StatusStory> = {
  render: (args) => <StatusStory {...args} />,
  args: { createAgent: uagents(), prompt: 'Hello', pollMs: 1000 },
  play: async ({ canvasElement }) => {
    const root = within(canvasElement).getByRole('region', { name: /^Agent status:/ })
    const remote = await within(root).findByRole('group', { name: 'Remote status' })
    await waitFor(() => expect(remote).toHaveAttribute('data-health', 'ok'), { timeout: 5000 })
    await waitFor(() => expect(root).toHaveTextContent('AgentChatProtocol'), { timeout: 5000 })
    await expect(root).toHaveTextContent('ChatAcknowledgement')
  },
}
