import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import type { RunAgentInput } from 'agent-wire-react/core'
import { createScriptedAgent, type ScriptStep } from 'agent-wire-react/testing'
import { ChatStory } from './support/ChatStory'
import { replyRun, textMessage } from './support/scripts'

/**
 * Run 1 explains, then ends with `outcome: { type: 'interrupt' }` asking for a name that expires
 * `expiresInMs` after the run (negative: already expired); run 2 echoes the `resume[]` it got.
 */
const askAgent = (expiresInMs: number) =>
  createScriptedAgent(
    (input: RunAgentInput, runIndex): ScriptStep[] => {
      if (runIndex > 0) return replyRun(input, `Resumed with ${JSON.stringify(input.resume)}.`)
      const { threadId, runId } = input
      return [
        { type: 'RUN_STARTED', threadId, runId },
        ...textMessage('ask', 'I can create the account, I just need a name.'),
        {
          type: 'RUN_FINISHED',
          threadId,
          runId,
          outcome: {
            type: 'interrupt',
            interrupts: [
              {
                id: 'ask-name',
                reason: 'input_required',
                message: 'What name should the account use?',
                responseSchema: {
                  type: 'object',
                  properties: { response: { type: 'string', title: 'Name' } },
                  required: ['response'],
                },
                expiresAt: new Date(Date.now() + expiresInMs).toISOString(),
              },
            ],
          },
        },
      ]
    },
    { cadenceMs: 30 },
  )

const meta = {
  title: 'Human in the loop/Interrupt prompt',
  component: ChatStory,
  args: { prompt: 'Set up an account for me', createAgent: () => askAgent(2 * 60_000) },
  argTypes: { createAgent: { control: false } },
} satisfies Meta<typeof ChatStory>

export default meta
type Story = StoryObj<typeof meta>

const prompt = (root: HTMLElement) =>
  root.querySelector<HTMLElement>('[data-awr="interrupt"][data-interrupt-id="ask-name"]')

/**
 * An interrupt with a two-minute deadline: the countdown ticks every second, the form comes from
 * `responseSchema`, and Submit resumes the run with the answer.
 */
export const WithCountdown: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await waitFor(() => expect(prompt(canvasElement)).toHaveAttribute('data-state', 'open'), {
      timeout: 5000,
    })
    const el = prompt(canvasElement)!
    const timer = within(el).getByRole('timer')
    await expect(timer).toHaveTextContent(/Expires in (2:00|1:5\d)/)
    const first = timer.textContent
    await waitFor(() => expect(timer.textContent).not.toBe(first), { timeout: 3000 }) // it ticks
    const field = within(el).getByRole('textbox', { name: 'Name' })
    await expect(field).toHaveFocus()
    await userEvent.click(within(el).getByRole('button', { name: 'Submit' }))
    await expect(within(el).getByText('Required')).toBeVisible()
    await userEvent.type(field, 'Ada{Enter}')
    await waitFor(
      () =>
        expect(within(canvas.getByRole('log')).getByText(/^Resumed/)).toHaveTextContent(
          'Resumed with [{"interruptId":"ask-name","status":"resolved","payload":{"response":"Ada"}}].',
        ),
      { timeout: 5000 },
    )
  },
}

/**
 * The same question with a three-second deadline: it expires while shown, and then only Cancel
 * remains, which resumes with a `cancelled` entry.
 */
export const Expired: Story = {
  args: { createAgent: () => askAgent(3000) },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await waitFor(() => expect(prompt(canvasElement)).not.toBeNull(), { timeout: 5000 })
    const el = prompt(canvasElement)!
    await waitFor(() => expect(el).toHaveAttribute('data-state', 'expired'), { timeout: 6000 })
    await expect(within(el).getByRole('timer')).toHaveTextContent('Expired')
    await expect(
      within(el)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Cancel'])
    await userEvent.click(within(el).getByRole('button', { name: 'Cancel' }))
    await waitFor(
      () =>
        expect(within(canvas.getByRole('log')).getByText(/^Resumed/)).toHaveTextContent(
          'Resumed with [{"interruptId":"ask-name","status":"cancelled"}].',
        ),
      { timeout: 5000 },
    )
  },
}
