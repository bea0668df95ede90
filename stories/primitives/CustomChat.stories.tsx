import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import { createScriptedAgent } from 'agent-wire-react/testing'
import { backendToolStream, greetingStream } from '../recordedStreams'
import { asRun } from '../support/scripts'
import { CustomChat } from './CustomChat'

/** Milliseconds between two events of a replayed stream: about a model's token rate. */
const CADENCE_MS = 25

const meta = {
  title: 'Primitives/Custom chat',
  component: CustomChat,
  args: {
    createAgent: () =>
      createScriptedAgent((input) => asRun(greetingStream, input), { cadenceMs: CADENCE_MS }),
  },
  argTypes: { createAgent: { control: false } },
} satisfies Meta<typeof CustomChat>

export default meta
type Story = StoryObj<typeof meta>

/**
 * A chat assembled from `Thread`, `Message`, `ComposerPrimitive`, `RunStatus` and
 * `ErrorBannerPrimitive` with inline styles only: Enter sends, the recorded .NET reply (Step01)
 * streams into a bubble of the app's own design, the status line reads "Writing…" meanwhile.
 */
export const Conversation: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(canvas.getByText('Say something nice.')).toBeVisible()
    const input = canvas.getByRole('textbox', { name: 'Your message' })
    await userEvent.type(input, 'Hello{Enter}')
    await expect(input).toHaveFocus()
    await expect(await canvas.findByRole('button', { name: 'Stop' })).toBeVisible()
    const status = canvasElement.querySelector('[data-awr="run-status"]')!
    await waitFor(() => expect(status).toHaveAttribute('data-status', 'running'))
    const reply = await canvas.findByRole('article', { name: 'Bot' })
    await waitFor(() => expect(reply).toHaveAttribute('data-status', 'complete'), {
      timeout: 5000,
    })
    await expect(reply).toHaveTextContent('Hello! How can I help you today?')
    await expect(canvas.getByRole('article', { name: 'You' })).toHaveTextContent('Hello')
    await waitFor(() => expect(status).toHaveAttribute('data-status', 'finished'))
  },
}

/** A recorded backend tool call (Step02) rendered by the app's own `ToolCall` chip. */
export const ToolCallChip: Story = {
  args: {
    createAgent: () =>
      createScriptedAgent((input) => asRun(backendToolStream, input), {
        cadenceMs: CADENCE_MS,
      }),
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await userEvent.type(canvas.getByRole('textbox', { name: 'Your message' }), 'Food?{Enter}')
    const chip = await waitFor(
      () => {
        const el = canvasElement.querySelector('[data-awr="tool-call"]')
        expect(el).not.toBeNull()
        return el as HTMLElement
      },
      { timeout: 5000 },
    )
    await expect(chip).toHaveAttribute('data-tool-name', 'SearchRestaurants')
    await waitFor(() => expect(chip).toHaveAttribute('data-status', 'done'), { timeout: 5000 })
    await expect(chip.querySelector('[data-awr="tool-call-status"]')).toHaveTextContent('Done')
  },
}

const longThread = Array.from({ length: 600 }, (_, i) => ({
  id: `m${i}`,
  role: i % 2 === 0 ? ('user' as const) : ('assistant' as const),
  content: `Message ${i}: ${'lorem ipsum '.repeat((i % 7) + 1)}`,
}))

/**
 * 600 messages in the custom chat: `Thread.Root` virtualizes (only rows near the viewport
 * exist, each with its place in the whole thread), opens at the newest message, and the app's
 * "↓ Newest" button brings the reader back after scrolling up.
 */
export const LongThread: Story = {
  args: { initialMessages: longThread },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const log = canvas.getByRole('log', { name: 'Conversation' })
    await waitFor(() => expect(log).toHaveAttribute('data-virtualized', 'true'))
    const fromBottom = () => log.scrollHeight - log.scrollTop - log.clientHeight
    await waitFor(() => expect(fromBottom()).toBeLessThanOrEqual(1))
    const articles = log.querySelectorAll('article')
    await expect(articles.length).toBeLessThan(100)
    await expect(articles[articles.length - 1]).toHaveAttribute('aria-posinset', '600')
    await expect(articles[articles.length - 1]).toHaveAttribute('aria-setsize', '600')
    log.scrollTop = 0
    const newest = await canvas.findByRole('button', { name: '↓ Newest' })
    await userEvent.click(newest)
    await waitFor(() => expect(fromBottom()).toBeLessThanOrEqual(1))
    await expect(log).toHaveFocus()
  },
}
