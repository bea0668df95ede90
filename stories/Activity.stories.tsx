import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, waitFor, within } from 'storybook/test'
import { createScriptedAgent } from 'agent-wire-react/testing'
import { ChatStory } from './support/ChatStory'
import { textMessage } from './support/scripts'

const meta = {
  title: 'Chat/Activity',
  component: ChatStory,
  args: {
    prompt: 'Compare three laptops for me',
    // ACTIVITY_SNAPSHOT creates the card, ACTIVITY_DELTA patches it live, then the answer.
    createAgent: () =>
      createScriptedAgent(
        (input) => {
          const { threadId, runId } = input
          const progress = (step: number, source: string) => ({
            type: 'ACTIVITY_DELTA',
            messageId: 'search-activity',
            activityType: 'web_search',
            patch: [
              { op: 'replace', path: '/done', value: step },
              { op: 'add', path: '/sources/-', value: source },
            ],
          })
          return [
            { type: 'RUN_STARTED', threadId, runId },
            {
              type: 'ACTIVITY_SNAPSHOT',
              messageId: 'search-activity',
              activityType: 'web_search',
              content: { query: 'best laptops 2026', done: 0, total: 3, sources: [] },
            },
            { delayMs: 300 },
            progress(1, 'example.com/reviews'),
            { delayMs: 300 },
            progress(2, 'example.org/benchmarks'),
            { delayMs: 300 },
            progress(3, 'example.net/prices'),
            ...textMessage('answer', 'Here is a comparison of the three laptops I found.'),
            { type: 'RUN_FINISHED', threadId, runId },
          ]
        },
        { cadenceMs: 30 },
      ),
  },
  argTypes: { createAgent: { control: false } },
} satisfies Meta<typeof ChatStory>

export default meta
type Story = StoryObj<typeof meta>

/** An activity card (a web search) that updates in place as `ACTIVITY_DELTA`s arrive. */
export const WebSearch: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const card = await waitFor(() => {
      const el = canvasElement.querySelector<HTMLElement>('article[data-role="activity"]')
      expect(el).not.toBeNull()
      return el!
    })
    await expect(card).toHaveTextContent('web_search')
    await expect(card).toHaveTextContent('best laptops 2026')
    await waitFor(() => expect(card).toHaveTextContent('example.net/prices'), { timeout: 5000 })
    await expect(card).toHaveTextContent('"done": 3')
    await waitFor(
      () => expect(within(canvas.getByRole('log')).getByText(/Here is a comparison/)).toBeVisible(),
      {
        timeout: 5000,
      },
    )
  },
}
