import type { Meta, StoryObj } from '@storybook/react-vite'
import { useContext, useState } from 'react'
import { expect, fn, userEvent, waitFor, within } from 'storybook/test'
import { EventInspector } from 'agent-wire-react'
import { toEventLogEntries } from 'agent-wire-react/core'
import { createScriptedAgent } from 'agent-wire-react/testing'
import { StoryThemeContext } from '../support/StoryFrame'
import { stateRun } from './statusScripts'
import { Scroller, StatusStory } from './StatusStory'

const meta = {
  title: 'Status/Event inspector',
  component: StatusStory,
  args: {
    view: 'inspector',
    prompt: 'Add buy oat milk and tick off the report',
    onExport: fn(),
    createAgent: () => createScriptedAgent(stateRun, { cadenceMs: 15 }),
  },
  argTypes: { createAgent: { control: false } },
} satisfies Meta<typeof StatusStory>

export default meta
type Story = StoryObj<typeof meta>

const options = (root: HTMLElement) =>
  within(within(root).getByRole('listbox', { name: 'Events' })).queryAllByRole('option')
const detail = (root: HTMLElement) =>
  within(root).getByRole('region', { name: /^Snapshot after event/ })

/**
 * A live run with `STATE_SNAPSHOT` and two `STATE_DELTA`s: filter by type and by text, the
 * JSON Patch of each delta, the snapshot after a chosen event (time travel), then export the
 * thread as JSON Lines and import it back: the replay ends in the same state.
 */
export const FilterTimeTravelExportImport: Story = {
  play: async ({ canvasElement, args }) => {
    const root = within(canvasElement).getByRole('region', { name: 'Event inspector' })
    await waitFor(
      () => expect(options(root).some((o) => o.dataset.type === 'RUN_FINISHED')).toBe(true),
      { timeout: 10_000 },
    )
    const total = options(root).length
    const count = root.querySelector('[data-part="count"]')!
    await expect(count).toHaveTextContent(`${total} / ${total} events`)

    // Filter by type: the two deltas.
    await userEvent.selectOptions(within(root).getByLabelText('Event type'), 'STATE_DELTA')
    await waitFor(() => expect(options(root)).toHaveLength(2))
    await expect(count).toHaveTextContent(`2 / ${total} events`)

    // Time travel: after the first delta, "Buy oat milk" is added and the report not yet done.
    await userEvent.click(options(root)[0])
    const first = detail(root)
    await expect(first.querySelector('[data-part="patch"] li[data-op="add"]')).toHaveTextContent(
      'add /tasks/- = { "title": "Buy oat milk", "done": false }',
    )
    const stateAfter = () =>
      JSON.parse(detail(root).querySelector('[data-part="state"]')!.textContent!) as {
        tasks: { title: string; done: boolean }[]
      }
    await expect(stateAfter().tasks.map((t) => `${t.title}:${t.done}`)).toEqual([
      'Write the report:false',
      'Buy oat milk:false',
    ])
    await userEvent.click(options(root)[1])
    await expect(detail(root).querySelector('[data-part="patch"]')).toHaveTextContent(
      'replace /tasks/0/done = true',
    )
    await expect(stateAfter().tasks[0]).toEqual({ title: 'Write the report', done: true })

    // Filter by text.
    await userEvent.selectOptions(within(root).getByLabelText('Event type'), '')
    await userEvent.type(within(root).getByRole('searchbox', { name: 'Filter' }), 'oat milk')
    await waitFor(() => expect(options(root).map((o) => o.dataset.type)).toEqual(['STATE_DELTA']))
    await userEvent.clear(within(root).getByRole('searchbox', { name: 'Filter' }))
    await waitFor(() => expect(options(root)).toHaveLength(total))

    // Export, then import what was exported: the same events, the same final state.
    await userEvent.click(within(root).getByRole('button', { name: 'Export' }))
    await expect(args.onExport).toHaveBeenCalledTimes(1)
    const exported = (args.onExport as ReturnType<typeof fn>).mock.calls[0][0] as string
    const lines = exported.trim().split('\n')
    await expect(lines).toHaveLength(total + 1) // header + events
    await expect(JSON.parse(lines[0])).toMatchObject({ threadId: 'story-thread' })
    await userEvent.upload(
      within(root).getByLabelText('Import'),
      new File([exported], 'thread.jsonl', { type: 'application/jsonl' }),
    )
    await waitFor(() => expect(root).toHaveAttribute('data-source', 'imported'), {
      timeout: 10_000,
    })
    await expect(count).toHaveTextContent(`${total} / ${total} events — Imported: thread.jsonl`)
    await userEvent.click(options(root)[total - 1])
    await expect(detail(root)).toHaveTextContent('(RUN_FINISHED)')
    await expect(stateAfter().tasks.map((t) => `${t.title}:${t.done}`)).toEqual([
      'Write the report:true',
      'Buy oat milk:false',
    ])
    await userEvent.click(within(root).getByRole('button', { name: 'Back to live' }))
    await expect(root).toHaveAttribute('data-source', 'live')
  },
}

const LARGE = 100_000

/** 100,000 events: one run streaming 99,996 tokens into one message. */
function largeLog() {
  const events: Record<string, unknown>[] = [
    { type: 'RUN_STARTED', threadId: 'big', runId: 'run-1' },
    { type: 'TEXT_MESSAGE_START', messageId: 'm1', role: 'assistant' },
  ]
  for (let i = 0; events.length < LARGE - 2; i++)
    events.push({ type: 'TEXT_MESSAGE_CONTENT', messageId: 'm1', delta: `token${i} ` })
  events.push({ type: 'TEXT_MESSAGE_END', messageId: 'm1' })
  events.push({ type: 'RUN_FINISHED', threadId: 'big', runId: 'run-1' })
  return toEventLogEntries(events)
}

function LargeInspector() {
  const theme = useContext(StoryThemeContext)
  const [entries] = useState(largeLog)
  return (
    <Scroller label="Story">
      <EventInspector entries={entries} threadId="big" {...(theme !== 'system' && { theme })} />
    </Scroller>
  )
}

/**
 * A 100,000-event thread: the list keeps a window of rows in the DOM; End selects the last
 * event and shows the snapshot after it (the whole message).
 */
export const HundredThousandEvents: Story = {
  render: () => <LargeInspector />,
  play: async ({ canvasElement }) => {
    const root = within(canvasElement).getByRole('region', { name: 'Event inspector' })
    await expect(root.querySelector('[data-part="count"]')).toHaveTextContent(
      `${LARGE} / ${LARGE} events`,
    )
    await expect(options(root).length).toBeGreaterThan(5)
    await expect(options(root).length).toBeLessThan(100)
    const list = within(root).getByRole('listbox', { name: 'Events' })
    list.focus()
    await userEvent.keyboard('{End}')
    await waitFor(() => expect(detail(root)).toHaveTextContent(`#${LARGE - 1} (RUN_FINISHED)`), {
      timeout: 10_000,
    })
    await expect(detail(root).querySelector('[data-part="message-count"]')).toHaveTextContent('1')
    await expect(options(root).length).toBeLessThan(100)
    await expect(options(root).at(-1)).toHaveAttribute('aria-posinset', String(LARGE))
  },
}
