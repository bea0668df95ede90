import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import * as z from 'zod'
import { useFrontendTool } from 'agent-wire-react'
import { createScriptedAgent } from 'agent-wire-react/testing'
import { backendToolStream, parallelToolsStream } from './recordedStreams'
import { ChatStory } from './support/ChatStory'
import { asRun, lastToolResult, replyRun } from './support/scripts'

const CADENCE_MS = 25

const meta = {
  title: 'Chat/Tool calls',
  component: ChatStory,
  args: {
    prompt: 'Find me an Italian restaurant in Seattle',
    createAgent: () =>
      createScriptedAgent((input) => asRun(backendToolStream, input), {
        cadenceMs: CADENCE_MS,
      }),
  },
  argTypes: { createAgent: { control: false } },
} satisfies Meta<typeof ChatStory>

export default meta
type Story = StoryObj<typeof meta>

const card = (root: HTMLElement, name: string) =>
  root.querySelector<HTMLElement>(`[data-awr="tool-call"][data-tool-name="${name}"]`)

/**
 * The recorded Step02 stream up to `TOOL_CALL_END`, then the backend tool takes its time: the
 * card shows the arguments and "Awaiting result" while the run runs; Stop ends the run.
 */
export const Running: Story = {
  args: {
    createAgent: () =>
      createScriptedAgent(
        (input) => {
          const events = asRun(backendToolStream, input)
          const end = events.findIndex((e) => 'type' in e && e.type === 'TOOL_CALL_END')
          return [...events.slice(0, end + 1), { delayMs: 600_000 }, ...events.slice(end + 1)]
        },
        { cadenceMs: CADENCE_MS },
      ),
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await waitFor(() => expect(card(canvasElement, 'SearchRestaurants')).not.toBeNull())
    const el = card(canvasElement, 'SearchRestaurants')!
    await waitFor(() => expect(el).toHaveAttribute('data-status', 'complete'), { timeout: 5000 })
    await expect(within(el).getByText('Awaiting result')).toBeVisible()
    await expect(el).toHaveTextContent('"Cuisine": "Italian"')
    await userEvent.click(canvas.getByRole('button', { name: 'Stop' }))
    await expect(await canvas.findByText('Stopped.')).toBeVisible()
    await expect(el).toHaveAttribute('data-status', 'complete')
  },
}

/** The whole recorded Step02 stream: arguments, the server's `TOOL_CALL_RESULT`, the reply. */
export const Done: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await waitFor(
      () =>
        expect(card(canvasElement, 'SearchRestaurants')).toHaveAttribute('data-status', 'resolved'),
      { timeout: 5000 },
    )
    const el = card(canvasElement, 'SearchRestaurants')!
    await expect(within(el).getByText('Done')).toBeVisible()
    await expect(el.querySelector('[data-awr="tool-call-result"]')).toHaveTextContent(
      'The Golden Fork',
    )
    await waitFor(
      () =>
        expect(
          within(canvas.getByRole('log')).getByText(/I found one Italian restaurant/),
        ).toBeVisible(),
      {
        timeout: 10_000,
      },
    )
  },
}

/** Recorded Step12: two tool calls in parallel, both results, one reply. */
export const Parallel: Story = {
  args: {
    prompt: 'Weather in Paris and the time in Tokyo?',
    createAgent: () =>
      createScriptedAgent((input) => asRun(parallelToolsStream, input), {
        cadenceMs: CADENCE_MS,
      }),
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await waitFor(
      () => expect(within(canvas.getByRole('log')).getByText(/Paris: sunny/)).toBeVisible(),
      {
        timeout: 10_000,
      },
    )
    for (const name of ['get_weather', 'get_current_time'])
      await expect(card(canvasElement, name)).toHaveAttribute('data-status', 'resolved')
  },
}

function FailingLookup() {
  useFrontendTool({
    name: 'lookup_order',
    description: 'Look an order up in the order service',
    parameters: z.object({ orderId: z.string() }),
    handler: () => {
      throw new Error('order service unavailable')
    },
  })
  return null
}

/**
 * A frontend tool whose handler throws: the kit sends an error tool result (`tool_failed`), the
 * card shows the error, and the follow-up run answers with what it received.
 */
export const Failed: Story = {
  args: {
    prompt: 'Where is order 42?',
    tools: <FailingLookup />,
    createAgent: () =>
      createScriptedAgent(
        (input, runIndex) => {
          const { threadId, runId } = input
          if (runIndex > 0)
            return replyRun(input, `The lookup failed (${lastToolResult(input)}). Try later?`)
          return [
            { type: 'RUN_STARTED', threadId, runId },
            {
              type: 'TOOL_CALL_START',
              toolCallId: 'call-lookup',
              toolCallName: 'lookup_order',
              parentMessageId: 'assistant-lookup',
            },
            { type: 'TOOL_CALL_ARGS', toolCallId: 'call-lookup', delta: '{"orderId":' },
            { type: 'TOOL_CALL_ARGS', toolCallId: 'call-lookup', delta: '"42"}' },
            { type: 'TOOL_CALL_END', toolCallId: 'call-lookup' },
            { type: 'RUN_FINISHED', threadId, runId },
          ]
        },
        { cadenceMs: CADENCE_MS },
      ),
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await waitFor(
      () => expect(card(canvasElement, 'lookup_order')).toHaveAttribute('data-status', 'resolved'),
      { timeout: 5000 },
    )
    const el = card(canvasElement, 'lookup_order')!
    await expect(el.querySelector('[data-awr="tool-call-error"]')).toHaveTextContent(
      'order service unavailable',
    )
    // The follow-up run echoes the error tool result the kit sent it.
    await waitFor(
      () =>
        expect(within(canvas.getByRole('log')).getByText(/The lookup failed/)).toHaveTextContent(
          /tool_failed.*Try later\?/,
        ),
      { timeout: 5000 },
    )
  },
}
