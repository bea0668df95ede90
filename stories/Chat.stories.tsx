import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import { createScriptedAgent } from 'agent-wire-react/testing'
import { greetingStream, reasoningStream, secondTurnStream } from './recordedStreams'
import { ChatStory } from './support/ChatStory'
import { asRun } from './support/scripts'

/** Milliseconds between two events of a replayed stream: about a model's token rate. */
const CADENCE_MS = 25

/** Step01 of the recorded .NET conversation: turn 1, then turn 2, at a token cadence. */
const conversation = () =>
  createScriptedAgent(
    (input, runIndex) => asRun(runIndex === 0 ? greetingStream : secondTurnStream, input, runIndex),
    { cadenceMs: CADENCE_MS },
  )

const meta = {
  title: 'Chat/Chat',
  component: ChatStory,
  args: { createAgent: conversation },
  argTypes: { createAgent: { control: false } },
} satisfies Meta<typeof ChatStory>

export default meta
type Story = StoryObj<typeof meta>

const GREETING = 'Hello! How can I help you today?'

/** A fresh thread: the empty state and the composer, nothing sent yet. */
export const Empty: Story = {
  args: { chat: { emptyState: 'Ask me anything' } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(canvas.getByText('Ask me anything')).toBeVisible()
    await expect(canvas.getByRole('textbox', { name: 'Message' })).toBeEnabled()
    await expect(canvas.queryAllByRole('article')).toHaveLength(0)
  },
}

/**
 * Type a message and press Enter: the recorded .NET reply (Step01) streams in token by token;
 * the Stop button shows while it runs, and the composer gets focus back.
 */
export const Streaming: Story = {
  args: { chat: { emptyState: 'Say hello' } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const input = canvas.getByRole('textbox', { name: 'Message' })
    await userEvent.type(input, 'Hi there{Enter}')
    await expect(await canvas.findByRole('button', { name: 'Stop' })).toBeVisible()
    // Mid-stream: the reply is partially there and marked streaming.
    const reply = await waitFor(() => {
      const el = canvasElement.querySelector('article[data-role="assistant"]')
      expect(el).not.toBeNull()
      return el as HTMLElement
    })
    await waitFor(() => expect(reply).toHaveTextContent(GREETING), { timeout: 5000 })
    await waitFor(() => expect(reply).toHaveAttribute('data-status', 'complete'))
    await expect(canvas.getByText('Hi there')).toBeVisible()
    await expect(await canvas.findByRole('button', { name: 'Send' })).toBeVisible()
    // Second turn of the same recording.
    await userEvent.type(input, 'Tell me more{Enter}')
    await waitFor(
      () =>
        expect(canvasElement.querySelectorAll('article[data-role="assistant"]')).toHaveLength(2),
      { timeout: 5000 },
    )
  },
}

/**
 * Step07 of the recorded .NET streams: `REASONING_*` events stream into a collapsed "Reasoning"
 * disclosure, then the answer.
 */
export const Reasoning: Story = {
  args: {
    prompt: 'A farm has 20 heads and 56 legs, chickens and rabbits. How many of each?',
    createAgent: () =>
      createScriptedAgent((input) => asRun(reasoningStream, input), { cadenceMs: 12 }),
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const summary = await canvas.findByText('Reasoning', { selector: 'summary' })
    const details = summary.closest('details') as HTMLDetailsElement
    await expect(details.open).toBe(false) // collapsed by default, streams meanwhile
    await waitFor(() => expect(details).toHaveTextContent(/heads and legs/), { timeout: 8000 })
    await userEvent.click(summary)
    await expect(details.open).toBe(true)
    await waitFor(
      () =>
        expect(
          within(canvas.getByRole('log')).getByText(/12 chickens and 8 rabbits/),
        ).toBeVisible(),
      {
        timeout: 10_000,
      },
    )
  },
}

/** The streaming story in the dark theme (`<Chat theme="dark">`). */
export const Dark: Story = {
  args: { prompt: 'Hello' },
  globals: { theme: 'dark' },
  play: async ({ canvasElement }) => {
    const chat = canvasElement.querySelector('[data-awr="chat"]') as HTMLElement
    await expect(chat).toHaveAttribute('data-theme', 'dark')
    await expect(getComputedStyle(chat).backgroundColor).toBe('rgb(13, 17, 23)')
    await waitFor(() => expect(within(chat).getByText(GREETING)).toBeVisible(), { timeout: 5000 })
  },
}

/** Right to left (`dir="rtl"` around the chat): bubbles, composer and buttons mirror. */
export const RightToLeft: Story = {
  args: {
    prompt: 'مرحبا',
    chat: { labels: { send: 'إرسال', composer: 'رسالة', placeholder: 'اكتب رسالة…' } },
  },
  globals: { dir: 'rtl' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const input = canvas.getByRole('textbox', { name: 'رسالة' })
    await expect(getComputedStyle(input).direction).toBe('rtl')
    await waitFor(() => expect(canvas.getByText(GREETING)).toBeVisible(), { timeout: 5000 })
    // The user's bubble sits at the inline end, which in RTL is the left edge.
    const bubble = canvas.getByText('مرحبا').closest('.awr-bubble') as HTMLElement
    const list = canvas.getByRole('log').getBoundingClientRect()
    const box = bubble.getBoundingClientRect()
    await expect(box.left - list.left).toBeLessThan(list.right - box.right)
  },
}
