// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest'
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { EventInspector } from '../../src/components'
import {
  getEventLog,
  parseEventLog,
  reduceEventLog,
  toEventLogEntries,
} from '../../src/core/status'
import { createAgentStore } from '../../src/core/store'
import { createScriptedAgent } from '../../src/testing'
import { axeViolations, modes, renderWithAgent } from './chatTestUtils'

afterEach(cleanup)

function script(threadId: string, runId: string) {
  return [
    { type: 'RUN_STARTED', threadId, runId },
    { type: 'STATE_SNAPSHOT', snapshot: { tasks: [] } },
    { type: 'TEXT_MESSAGE_START', messageId: 'm1', role: 'assistant' },
    { type: 'TEXT_MESSAGE_CONTENT', messageId: 'm1', delta: 'Adding it' },
    { type: 'TEXT_MESSAGE_END', messageId: 'm1' },
    { type: 'STATE_DELTA', delta: [{ op: 'add', path: '/tasks/-', value: { title: 'milk' } }] },
    {
      type: 'RUN_FINISHED',
      threadId,
      runId,
      outcome: {
        type: 'interrupt',
        interrupts: [{ id: 'i1', reason: 'input_required', message: 'Sure?' }],
      },
    },
  ]
}

const options = () =>
  within(screen.getByRole('listbox', { name: 'Events' })).queryAllByRole('option')

describe.each(modes)('EventInspector ($name)', (mode) => {
  it('lists events, filters them, shows a STATE_DELTA patch and the snapshot after it; export/import', async () => {
    const agent = createScriptedAgent((input) => script(input.threadId, input.runId))
    const store = createAgentStore({ agent, threadId: 'thread-1' })
    getEventLog(store)
    let exported = ''
    const { container } = renderWithAgent(<EventInspector onExport={(t) => (exported = t)} />, {
      strict: mode.strict,
      store,
    })
    expect(options().map((o) => o.textContent)).toEqual(['No events'])
    await store.run({ message: 'add milk' })
    await waitFor(() => expect(options()).toHaveLength(7))
    expect(options()[5].textContent).toContain('STATE_DELTA')
    expect(options()[6].dataset.lifecycle).toBe('interrupt')

    await userEvent.selectOptions(screen.getByLabelText('Event type'), 'STATE_DELTA')
    expect(options()).toHaveLength(1)
    await userEvent.click(options()[0])
    const detail = screen.getByRole('region', { name: /Snapshot after event #5/ })
    const ops = within(detail).getAllByRole('listitem')
    expect(ops[0].dataset.op).toBe('add')
    expect(ops[0].textContent).toContain('/tasks/-')
    expect(JSON.parse(detail.querySelector('[data-part="state"]')!.textContent!)).toEqual({
      tasks: [{ title: 'milk' }],
    })
    expect(detail.querySelector('[data-part="run-status"]')!.textContent).toBe(
      'running (' + agent.inputs[0].runId + ')',
    )

    await userEvent.selectOptions(screen.getByLabelText('Event type'), '')
    await userEvent.type(screen.getByLabelText('Filter'), 'adding')
    await waitFor(() => expect(options()).toHaveLength(1))
    expect(options()[0].textContent).toContain('TEXT_MESSAGE_CONTENT')
    expect(await axeViolations(container)).toEqual([])

    // Export, then import the file: the replay gives the same events and the same snapshot.
    await userEvent.click(screen.getByRole('button', { name: 'Export' }))
    const parsed = parseEventLog(exported)
    expect(parsed.header).toMatchObject({ type: '__awr_fixture__', threadId: 'thread-1', count: 7 })
    expect(parsed.events).toEqual(
      getEventLog(store)
        .getSnapshot()
        .entries.map((e) => e.event),
    )
    await userEvent.clear(screen.getByLabelText('Filter'))
    const file = new File([exported], 'thread-1.jsonl', { type: 'application/jsonl' })
    await userEvent.upload(screen.getByLabelText('Import'), file)
    const root = screen.getByRole('region', { name: 'Event inspector' })
    await waitFor(() => expect(root.dataset.source).toBe('imported'))
    await waitFor(() => expect(options()).toHaveLength(7))
    fireEvent.keyDown(screen.getByRole('listbox', { name: 'Events' }), { key: 'End' })
    const after = screen.getByRole('region', { name: /Snapshot after event #6/ })
    const live = store.getSnapshot()
    expect(JSON.parse(after.querySelector('[data-part="state"]')!.textContent!)).toEqual(live.state)
    expect(after.querySelector('[data-part="run-status"]')!.textContent).toBe(
      `interrupted (${live.run.runId})`,
    )
    // the live thread also holds the user's message (not an event)
    expect(after.querySelector('[data-part="message-count"]')!.textContent).toBe(
      String(live.messages.length - 1),
    )
    expect(within(after).getByText(/interrupt/, { selector: 'li' }).dataset.state).toBe('open')
    await userEvent.click(screen.getByRole('button', { name: 'Back to live' }))
    expect(root.dataset.source).toBe('live')
    store.destroy()
  })
})

describe('EventInspector, plain', () => {
  it('100,000 events: renders only a window of rows; End selects the last and time-travels to it', () => {
    const events: Record<string, unknown>[] = [
      { type: 'RUN_STARTED', threadId: 't', runId: 'r' },
      { type: 'TEXT_MESSAGE_START', messageId: 'm', role: 'assistant' },
    ]
    while (events.length < 99_998)
      events.push({ type: 'TEXT_MESSAGE_CONTENT', messageId: 'm', delta: 'x' })
    events.push(
      { type: 'TEXT_MESSAGE_END', messageId: 'm' },
      { type: 'RUN_FINISHED', threadId: 't', runId: 'r' },
    )
    const entries = toEventLogEntries(events).map((e) => ({ ...e, receivedAt: 1_000 + e.seq }))
    render(<EventInspector entries={entries} />)
    const rendered = options()
    expect(rendered.length).toBeGreaterThan(0)
    expect(rendered.length).toBeLessThan(60)
    expect(rendered[0].getAttribute('aria-setsize')).toBe('100000')
    expect(rendered[1].textContent).toContain('+1 ms')
    expect(screen.getByRole('status').textContent).toContain('100000 / 100000')
    fireEvent.keyDown(screen.getByRole('listbox', { name: 'Events' }), { key: 'End' })
    const detail = screen.getByRole('region', { name: /Snapshot after event #99999/ })
    expect(detail.querySelector('[data-part="run-status"]')!.textContent).toBe('finished (r)')
    expect(reduceEventLog(events).messages[0].content).toHaveLength(99_996)
  })
})
