import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as z from 'zod'
import type { RunAgentInput } from '../../src/core/protocol/types'
import type { Agent } from '../../src/core/transport/Agent'
import { HttpAgent } from '../../src/core/transport/HttpAgent'
import { createAgentStore } from '../../src/core/store/createAgentStore'
import type { AgentStore } from '../../src/core/store/AgentStore'
import { startDemoServer, type DemoServer } from '../../src/server/startDemoServer'
import { until } from '../core/store/hitlTestUtils'

/**
 * The demo agent's human-in-the-loop scenarios end to end without a browser: the real store
 * (createAgentStore) and HttpAgent against startDemoServer over SSE, answering through the
 * store's API. The browser test (test/browser/hitl.test.ts) covers the same through the UI.
 */

let server: DemoServer
let inputs: RunAgentInput[]

beforeEach(async () => {
  server = await startDemoServer({ tokenDelayMs: 0, interruptTtlMs: 60_000 })
  inputs = []
})
afterEach(async () => {
  await server.close()
})

/** An HttpAgent that records every RunAgentInput it sends. */
function recordingAgent(): Agent {
  const http = new HttpAgent({ url: server.agentUrl })
  return {
    run(input, options) {
      inputs.push(input)
      return http.run(input, options)
    },
  } as Agent
}

function demoStore(options: { now?: () => number } = {}): AgentStore {
  const store = createAgentStore({ agent: recordingAgent(), threadId: 'thread-hitl', ...options })
  store.registerTool({ name: 'delete_task', requiresApproval: true })
  store.registerTool({
    name: 'send_report',
    requiresApproval: true,
    parameters: z.object({ to: z.email(), subject: z.string().min(1), body: z.string() }),
  })
  return store
}

const lastText = (store: AgentStore) => {
  const last = store.getSnapshot().messages.at(-1)
  return last?.role === 'assistant' ? (last.content ?? '') : ''
}
const titles = (store: AgentStore) =>
  (store.getSnapshot().state as { tasks: Array<{ title: string }> }).tasks.map((t) => t.title)

describe('demo agent + store over SSE: human in the loop', () => {
  it('approve one call and deny the other: one resume run with both answers', async () => {
    const store = demoStore()
    await store.run({ message: 'delete all done tasks and email the report' })
    const asked = await until(store, (s) => Object.keys(s.approvals).length === 2)
    expect(asked.run.status).toBe('interrupted')
    const [del, report] = Object.values(asked.approvals)
    expect([del.toolName, del.state, report.toolName, report.state]).toEqual([
      'delete_task',
      'pending',
      'send_report',
      'pending',
    ])

    store.approve(del.toolCallId)
    store.deny(report.toolCallId, 'not before Friday')
    await until(store, (s) => inputs.length === 2 && s.run.status === 'finished')
    expect(inputs[1].resume).toEqual([
      {
        interruptId: `${del.toolCallId}-approval`,
        status: 'resolved',
        payload: { approved: true },
      },
      {
        interruptId: `${report.toolCallId}-approval`,
        status: 'resolved',
        payload: { approved: false, reason: 'not before Friday' },
      },
    ])
    expect(lastText(store)).toContain('Deleted **Read the AG-UI event list**.')
    expect(lastText(store)).toContain('you denied it (“not before Friday”)')
    expect(titles(store)).toEqual(['Try the demo chat'])
    expect(store.getSnapshot().interrupts).toEqual([])
  })

  it('a store rebuilt from the saved thread (reload) keeps the pending approval; approving it works', async () => {
    const first = demoStore()
    await first.run({ message: 'delete the done tasks' })
    const saved = await until(first, (s) => Object.keys(s.approvals).length === 1)
    first.destroy()
    const reloaded = createAgentStore({
      agent: recordingAgent(),
      threadId: saved.threadId,
      initialMessages: [...saved.messages],
      initialState: saved.state,
      initialInterrupts: saved.interrupts.map(
        ({ state: _s, expiresAtMs: _e, response: _r, error: _x, ...interrupt }) => interrupt,
      ),
    })
    reloaded.registerTool({ name: 'delete_task', requiresApproval: true })
    const call = Object.values(reloaded.getSnapshot().approvals)[0]
    expect(call).toMatchObject({ toolName: 'delete_task', state: 'pending' })
    reloaded.approve(call.toolCallId)
    await until(reloaded, (s) => inputs.length === 2 && s.run.status === 'finished')
    expect(inputs[1].resume).toEqual([
      {
        interruptId: `${call.toolCallId}-approval`,
        status: 'resolved',
        payload: { approved: true },
      },
    ])
    expect(titles(reloaded)).toEqual(['Try the demo chat'])
  })

  it('edit then approve: the edited arguments reach the agent; invalid edits are refused locally', async () => {
    const store = demoStore()
    await store.run({ message: 'send the report' })
    const asked = await until(store, (s) => Object.keys(s.approvals).length === 1)
    const call = Object.values(asked.approvals)[0]
    const args = call.parsedArgs as Record<string, unknown>
    expect(store.editArgs(call.toolCallId, { ...args, to: 'nope' })?.code).toBe('invalid_args')
    expect(inputs).toHaveLength(1)
    expect(store.editArgs(call.toolCallId, { ...args, to: 'me@example.org' })).toBeUndefined()
    await until(store, (s) => inputs.length === 2 && s.run.status === 'finished')
    expect(inputs[1].resume?.[0].payload).toMatchObject({
      approved: true,
      editedArgs: { to: 'me@example.org' },
    })
    expect(lastText(store)).toContain('to **me@example.org**. (with your edits)')
    expect(store.getSnapshot().state).toMatchObject({
      reports: [{ id: 'report-1', to: 'me@example.org' }],
    })
  })

  it('a frontend tool runs in the client and the follow-up run quotes its result', async () => {
    const store = demoStore()
    const seen: string[] = []
    store.registerTool({
      name: 'set_theme',
      description: 'Switch the theme',
      parameters: z.object({ theme: z.enum(['light', 'dark']) }),
      handler: ({ theme }: { theme: string }) => {
        seen.push(theme)
        return { ok: true, theme }
      },
    } as never)
    await store.run({ message: 'dark mode please' })
    await until(store, (s) => inputs.length === 2 && s.run.status === 'finished')
    expect(seen).toEqual(['dark'])
    expect(inputs[0].tools.map((t) => t.name)).toEqual(['set_theme'])
    expect(inputs[1].messages.at(-1)).toMatchObject({ role: 'tool' })
    expect(lastText(store)).toContain('your page answered `{"ok":true,"theme":"dark"}`')
  })

  it('the meeting form: a valid answer books it; an expired one can only be cancelled', async () => {
    const store = demoStore()
    await store.run({ message: 'book a meeting' })
    const asked = await until(store, (s) => s.interrupts.length === 1)
    const [meeting] = asked.interrupts
    expect(meeting).toMatchObject({ reason: 'input_required', state: 'open' })
    expect(
      store.respondToInterrupt(meeting.id, { title: 'x', durationMinutes: 7, room: 'Aurora' })
        ?.code,
    ).toBe('invalid_payload')
    const answer = { title: 'Sync', durationMinutes: 30, online: false, room: 'Aurora' }
    expect(store.respondToInterrupt(meeting.id, answer)).toBeUndefined()
    await until(store, (s) => inputs.length === 2 && s.run.status === 'finished')
    expect(lastText(store)).toContain('Booked **Sync**: 30 minutes in Aurora, in person.')

    let now = Date.now()
    const late = demoStore({ now: () => now })
    await late.run({ message: 'book a meeting' })
    const open = (await until(late, (s) => s.interrupts.length === 1)).interrupts[0]
    now += 61_000
    expect(late.respondToInterrupt(open.id, answer)?.code).toBe('interrupt_expired')
    late.cancelInterrupt(open.id)
    await until(late, (s) => inputs.length === 4 && s.run.status === 'finished')
    expect(inputs[3].resume).toEqual([{ interruptId: open.id, status: 'cancelled' }])
    expect(lastText(late)).toBe('Okay, I did not book the meeting.')
  })
})
