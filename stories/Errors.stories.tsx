import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import { createScriptedAgent } from 'agent-wire-react/testing'
import { greetingStream } from './recordedStreams'
import { ChatStory } from './support/ChatStory'
import { asRun, replyRun, textMessage } from './support/scripts'

const CADENCE_MS = 25
const GREETING = 'Hello! How can I help you today?'

/**
 * Run 1 streams half an answer, then the agent sends `RUN_ERROR`; a retry (run 2) answers fully.
 */
const failingThenFine = () =>
  createScriptedAgent(
    (input, runIndex) => {
      const { threadId, runId } = input
      if (runIndex > 0) return replyRun(input, 'Second try: here is the full answer.')
      return [
        { type: 'RUN_STARTED', threadId, runId },
        ...textMessage('partial', 'Let me look that up for you').slice(0, -1),
        { type: 'RUN_ERROR', message: 'The model provider is overloaded.', code: 'overloaded' },
      ]
    },
    { cadenceMs: CADENCE_MS },
  )

/** Run 1 replays the first events of the recorded Step01 stream and just ends: truncated. */
const cutThenFine = () =>
  createScriptedAgent(
    (input, runIndex) =>
      runIndex === 0 ? asRun(greetingStream.slice(0, 6), input) : asRun(greetingStream, input, 1),
    { cadenceMs: CADENCE_MS },
  )

const meta = {
  title: 'Chat/Errors',
  component: ChatStory,
  args: { createAgent: failingThenFine, prompt: 'What is the weather in Lyon?' },
  argTypes: { createAgent: { control: false } },
} satisfies Meta<typeof ChatStory>

export default meta
type Story = StoryObj<typeof meta>

/**
 * `RUN_ERROR` mid-answer: the partial reply stays, the banner shows the message and the agent's
 * code, and Retry starts a new run that answers.
 */
export const RunError: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const banner = await canvas.findByRole('alert', {}, { timeout: 5000 })
    await expect(banner).toHaveTextContent('The model provider is overloaded.')
    await expect(banner).toHaveTextContent('run_error (overloaded)')
    await expect(within(canvas.getByRole('log')).getByText(/Let me look that up/)).toBeVisible() // kept
    await userEvent.click(within(banner).getByRole('button', { name: 'Retry' }))
    await waitFor(
      () => expect(canvas.getByText('Second try: here is the full answer.')).toBeVisible(),
      { timeout: 5000 },
    )
    await expect(canvas.queryByRole('alert')).toBeNull()
  },
}

/**
 * The recorded Step01 stream cut off before `RUN_FINISHED`: the run is `truncated` (spec 1.1),
 * the banner offers Retry, and the retry replays the whole recording.
 */
export const Truncated: Story = {
  args: { createAgent: cutThenFine, prompt: 'Hello' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const banner = await canvas.findByRole('alert', {}, { timeout: 5000 })
    await expect(banner).toHaveTextContent('truncated')
    await expect(
      canvas.getByText('The connection was lost before the answer finished.'),
    ).toBeVisible()
    await userEvent.click(within(banner).getByRole('button', { name: 'Retry' }))
    await waitFor(() => expect(canvas.getByText(GREETING)).toBeVisible(), { timeout: 5000 })
    await expect(canvas.queryByRole('alert')).toBeNull()
  },
}
