import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import type { Message } from 'agent-wire-react/core'
import { createScriptedAgent } from 'agent-wire-react/testing'
import { greetingStream } from './recordedStreams'
import { ChatStory } from './support/ChatStory'
import { asRun } from './support/scripts'

/** Number of messages the thread starts with. */
const HISTORY = 1200

/** A long history: questions and markdown answers of varied length, alternating. */
function history(count: number): Message[] {
  return Array.from({ length: count }, (_, i): Message => {
    if (i % 2 === 0) return { id: `u${i}`, role: 'user', content: `Question ${i / 2 + 1}` }
    const lines = 1 + (i % 7)
    return {
      id: `a${i}`,
      role: 'assistant',
      content: Array.from(
        { length: lines },
        (_, l) => `Answer ${(i + 1) / 2}, line ${l + 1}: **bold**, \`code\` and text.`,
      ).join('\n\n'),
    }
  })
}

const meta = {
  title: 'Chat/Long thread',
  component: ChatStory,
  args: {
    initialMessages: history(HISTORY),
    prompt: 'Hello again',
    createAgent: () =>
      createScriptedAgent((input) => asRun(greetingStream, input), { cadenceMs: 25 }),
  },
  argTypes: { createAgent: { control: false }, initialMessages: { control: false } },
} satisfies Meta<typeof ChatStory>

export default meta
type Story = StoryObj<typeof meta>

const atBottom = (log: HTMLElement) => log.scrollHeight - log.scrollTop - log.clientHeight < 48

/**
 * 1,200 messages, then a reply streamed from the recorded Step01 stream: the list virtualizes
 * (only rows near the viewport exist), sticks to the bottom while the reply streams, keeps the
 * reader's place when scrolled up, and "Jump to latest" goes back down.
 */
export const ThousandsOfMessages: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const log = canvas.getByRole('log')
    await waitFor(
      () => expect(within(log).getByText('Hello! How can I help you today?')).toBeVisible(),
      { timeout: 8000 },
    )
    const articles = log.querySelectorAll('article')
    await expect(articles.length).toBeGreaterThan(0)
    await expect(articles.length).toBeLessThan(100) // virtualized: not 1,202 articles
    await expect(articles[articles.length - 1]).toHaveAttribute('aria-setsize', String(HISTORY + 2))
    await waitFor(() => expect(atBottom(log)).toBe(true))

    // Scroll up: the place is kept and "Jump to latest" appears.
    log.scrollTop = log.scrollHeight / 2
    log.dispatchEvent(new Event('scroll'))
    const jump = await canvas.findByRole('button', { name: 'Jump to latest' })
    await expect(atBottom(log)).toBe(false)
    await userEvent.click(jump)
    await waitFor(() => expect(atBottom(log)).toBe(true), { timeout: 5000 })
    await waitFor(() => expect(canvas.queryByRole('button', { name: 'Jump to latest' })).toBeNull())
  },
}
