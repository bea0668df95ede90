import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, userEvent, waitFor } from 'storybook/test'
import { createScriptedAgent } from 'agent-wire-react/testing'
import { ChatStory } from './support/ChatStory'
import { recordAnnouncements } from './support/recorders'
import { replyRun } from './support/scripts'

const REPLY =
  'Paris is the capital of France. It has about two million people. The Seine runs through it.'

/** The reply streamed word by word at a real token cadence (about 25 words per second). */
const streamedReply = () =>
  createScriptedAgent((input) => replyRun(input, REPLY), { cadenceMs: 40 })

const meta = {
  title: 'Accessibility/Live region policy',
  component: ChatStory,
  args: { createAgent: streamedReply },
  argTypes: { createAgent: { control: false } },
} satisfies Meta<typeof ChatStory>

export default meta
type Story = StoryObj<typeof meta>

/**
 * Records what the chat's polite live region says while the reply streams, then sends the
 * message (the region exists before the run, so nothing is missed).
 */
async function announcementsOf(canvasElement: HTMLElement): Promise<string[]> {
  const region = canvasElement.querySelector('[data-awr="announcer"]')!
  await expect(region).toHaveAttribute('aria-live', 'polite')
  const { seen, stop } = recordAnnouncements(region)
  const input = canvasElement.querySelector('textarea')!
  input.focus()
  await userEvent.type(input, 'Tell me about Paris{Enter}')
  await waitFor(
    () =>
      expect(canvasElement.querySelector('article[data-role="assistant"]')).toHaveAttribute(
        'data-status',
        'complete',
      ),
    { timeout: 8000 },
  )
  await new Promise((resolve) => setTimeout(resolve, 50))
  stop()
  return seen
}

/** `announce="on-complete"` (the default): the whole reply, once, when it completes. */
export const OnComplete: Story = {
  play: async ({ canvasElement }) => {
    await expect(await announcementsOf(canvasElement)).toEqual([`Assistant: ${REPLY}`])
  },
}

/**
 * `announce="sentence"`: complete sentences as they finish, never a partial one, at most one
 * announcement per 1.5 s (sentences finished meanwhile are read together); the rest at the end.
 */
export const Sentence: Story = {
  args: { chat: { announce: 'sentence' } },
  play: async ({ canvasElement }) => {
    const seen = await announcementsOf(canvasElement)
    await expect(seen.length).toBeGreaterThan(1)
    for (const text of seen) await expect(text).toMatch(/\.$/)
    await expect(seen.join(' ')).toBe(`Assistant: ${REPLY}`)
  },
}

/** `announce="off"`: the live region stays silent. */
export const Off: Story = {
  args: { chat: { announce: 'off' } },
  play: async ({ canvasElement }) => {
    await expect(await announcementsOf(canvasElement)).toEqual([])
  },
}
