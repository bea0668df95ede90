/**
 * The store's human-in-the-loop layer is its own chunk, loaded on first need (issue 7): a chat
 * that never sees a tool call nor an interrupt never loads it; a run's events from the first one
 * it reacts to wait for it, in order, and end the same as with the layer already in; a failed
 * load ends the run with `load_failed` and a retry loads it again.
 */
import { resolve } from 'node:path'
import fc from 'fast-check'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Interrupt, RunAgentInput } from '../../../src/core/protocol/types'
import type { AgentSnapshot } from '../../../src/core/reducer/AgentSnapshot'
import {
  createAgentStore as createEagerStore,
  createMemoryPolicyStore,
} from '../../../src/core/store'
import type { AgentStoreOptions } from '../../../src/core/store'
import type { Agent } from '../../../src/core/transport/Agent'
import { gateChunk } from '../../setup/gateChunk'
import { until } from './hitlTestUtils'

const CHUNK = resolve('src/core/store/createHumanInTheLoop')

/** The gate of the test's fresh store, settled before the next test's modules (see gateChunk). */
let gated: ReturnType<typeof gateChunk> | undefined

afterEach(async () => {
  await gated?.settle()
  gated = undefined
  vi.doUnmock(CHUNK)
  vi.restoreAllMocks()
})

/** Lets pending promise callbacks (chunk loads that are not gated, replays) run. */
const turns = async () => {
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0))
}

/**
 * An agent whose i-th run delivers `scripts[i]` (or a text reply) synchronously on subscribe,
 * then completes: every event is there before the layer's chunk is. Records its inputs.
 */
function agentOf(...scripts: Array<(input: RunAgentInput) => unknown[]>) {
  const inputs: RunAgentInput[] = []
  const agent: Agent = {
    run: (input) => ({
      subscribe(observer) {
        const o = observer as { next(e: unknown): void; complete(): void }
        const script = scripts[inputs.length] ?? textReply
        inputs.push(input)
        for (const e of script(input)) o.next(e)
        o.complete()
        return { unsubscribe() {} }
      },
    }),
  }
  return { agent, inputs }
}

const run = (input: RunAgentInput, events: unknown[], outcome?: object): unknown[] => [
  { type: 'RUN_STARTED', threadId: input.threadId, runId: input.runId },
  ...events,
  {
    type: 'RUN_FINISHED',
    threadId: input.threadId,
    runId: input.runId,
    ...(outcome && { outcome }),
  },
]
const text = (id: string, delta: string): unknown[] => [
  { type: 'TEXT_MESSAGE_START', messageId: id, role: 'assistant' },
  { type: 'TEXT_MESSAGE_CONTENT', messageId: id, delta },
  { type: 'TEXT_MESSAGE_END', messageId: id },
]
const toolCall = (id: string, name: string, args: string): unknown[] => [
  { type: 'TOOL_CALL_START', toolCallId: id, toolCallName: name, parentMessageId: `a-${id}` },
  { type: 'TOOL_CALL_ARGS', toolCallId: id, delta: args },
  { type: 'TOOL_CALL_END', toolCallId: id },
]
const textReply = (input: RunAgentInput) => run(input, text(`m-${input.runId}`, 'ok'))
const ask = (id: string): Interrupt => ({ id, reason: 'input_required', message: `Question ${id}` })

/** A store from fresh modules whose human-in-the-loop chunk waits for `release()`. */
async function freshStore(agent: Agent, options: Partial<AgentStoreOptions> = {}) {
  gated = gateChunk(CHUNK)
  const { chunk, release } = gated
  const core = await import('../../../src/core/store')
  const store = core.createAgentStore({ agent, threadId: 't1', ...options })
  return { store, chunk, release, core }
}

/** What the layer and the reducer decide, without ids the store generates. */
const outcomeOf = (s: AgentSnapshot) => ({
  messages: s.messages.filter((m) => m.role !== 'user'),
  toolCalls: s.toolCalls,
  approvals: s.approvals,
  interrupts: s.interrupts,
  status: s.run.status,
  outcome: s.run.outcome,
  error: s.run.error?.code,
})

describe('the store human-in-the-loop layer (loaded on first need)', () => {
  it('is never loaded by text-only runs; its methods answer as on a thread with nothing to decide', async () => {
    const { agent } = agentOf(textReply, textReply)
    const { store, chunk, release, core } = await freshStore(agent, {
      policyStore: createMemoryPolicyStore(),
    })
    const calls = (s: typeof store) => [
      s.approve('c1'),
      s.deny('c1', 'no'),
      s.editArgs('c1', {}),
      s.respondToInterrupt('i1', { answer: 'yes' }),
      s.respondToAllInterrupts({ answer: 'yes' }),
      s.cancelInterrupt('i1'),
      s.getTool('x'),
    ]
    const before = calls(store)
    expect((await store.run({ message: 'hi' })).run.status).toBe('finished')
    expect((await store.resume()).run.status).toBe('finished')
    await turns()
    expect(chunk.imports).toBe(0)
    const unloaded = outcomeOf(store.getSnapshot())

    // The same calls against a store whose layer is in (created at once: its chunk is loaded).
    release()
    await core.preloadStoreHumanInTheLoop()
    const loadedStore = core.createAgentStore({ agent: agentOf(textReply, textReply).agent })
    const after = calls(loadedStore)
    await loadedStore.run({ message: 'hi' })
    expect(before).toEqual(after)
    expect(before[2]).toMatchObject({ code: 'not_found' })
    expect(before[3]).toMatchObject({ code: 'not_found' })
    expect((before[3] as Error).message).toBe((after[3] as Error).message)
    expect((await loadedStore.resume()).run.status).toBe('finished')
    const contents = (x: ReturnType<typeof outcomeOf>) => ({
      ...x,
      messages: x.messages.map((m) => [m.role, m.content]),
    })
    expect(contents(outcomeOf(loadedStore.getSnapshot()))).toEqual(contents(unloaded))
  })

  it("holds a run's events from its first tool call until the layer is in, then applies them in order", async () => {
    const script = (input: RunAgentInput) =>
      run(input, [...text('m1', 'let me check'), ...toolCall('c1', 'search', '{"q":"x"}')])
    const { store, chunk, release } = await freshStore(agentOf(script).agent)
    const seen: string[] = []
    store.onEvent((e) => seen.push(e.type))
    const done = store.run()
    await turns()
    expect(chunk.imports).toBe(1)
    expect(store.getSnapshot().run.status).toBe('running')
    // Everything before the tool call is applied; the call and what follows wait.
    expect(seen).toEqual([
      'RUN_STARTED',
      'TEXT_MESSAGE_START',
      'TEXT_MESSAGE_CONTENT',
      'TEXT_MESSAGE_END',
    ])
    expect(store.getSnapshot().toolCalls).toEqual({})
    release()
    const lazy = await done

    const eager = createEagerStore({ agent: agentOf(script).agent, threadId: 't1' })
    const eagerSeen: string[] = []
    eager.onEvent((e) => eagerSeen.push(e.type))
    const reference = await eager.run()
    expect(seen).toEqual(eagerSeen)
    expect(outcomeOf(lazy)).toEqual(outcomeOf(reference))
    expect(lazy.toolCalls.c1).toMatchObject({ name: 'search', args: '{"q":"x"}' })
  })

  it('property: any run ends the same with the layer loaded on first need as with it in', async () => {
    const step = fc.oneof(
      fc.record({ kind: fc.constant('text' as const), delta: fc.string({ maxLength: 5 }) }),
      fc.record({
        kind: fc.constant('tool' as const),
        name: fc.constantFrom('search', 'delete_file'),
        args: fc.constantFrom('{}', '{"n":1}', '{"n":'),
      }),
    )
    const scripts = fc.record({
      steps: fc.array(step, { maxLength: 6 }),
      interrupt: fc.boolean(),
      approval: fc.boolean(),
    })
    await fc.assert(
      fc.asyncProperty(scripts, async ({ steps, interrupt, approval }) => {
        const script = (input: RunAgentInput) =>
          run(
            input,
            steps.flatMap((s, i) =>
              s.kind === 'text' ? text(`m${i}`, s.delta) : toolCall(`c${i}`, s.name, s.args),
            ),
            interrupt ? { type: 'interrupt', interrupts: [ask('i1')] } : undefined,
          )
        const tools = approval ? [{ name: 'delete_file', requiresApproval: true }] : []
        const { store, release } = await freshStore(agentOf(script).agent)
        for (const t of tools) store.registerTool(t)
        const done = store.run()
        await turns()
        release()
        const lazy = await done

        const eager = createEagerStore({ agent: agentOf(script).agent, threadId: 't1' })
        for (const t of tools) eager.registerTool(t)
        const reference = await eager.run()
        expect(outcomeOf(lazy)).toEqual(outcomeOf(reference))
        vi.doUnmock(CHUNK)
      }),
      { numRuns: 12 },
    )
  })

  it('a tool registered before the first run loads it; the run waits for it', async () => {
    const { agent, inputs } = agentOf((input) =>
      run(input, toolCall('c1', 'delete_file', '{"path":"/tmp/x"}')),
    )
    const { store, chunk, release } = await freshStore(agent)
    store.registerTool({ name: 'delete_file', requiresApproval: true })
    expect(store.getTool('delete_file')).toMatchObject({ requiresApproval: true })
    const done = store.run({ message: 'clean up' })
    await turns()
    expect(chunk.imports).toBe(1)
    expect(store.getSnapshot().run.status).toBe('running')
    expect(inputs).toHaveLength(0) // nothing sent before the layer is in
    release()
    const s = await done
    expect(inputs).toHaveLength(1)
    expect(s.approvals.c1).toMatchObject({ state: 'pending', toolName: 'delete_file' })
    store.deny('c1', 'not now')
    const after = await until(store, (x) => inputs.length === 2 && x.run.status === 'finished')
    expect(after.approvals.c1).toMatchObject({ state: 'resolved' })
    expect(inputs[1].messages.at(-1)).toMatchObject({ role: 'tool', toolCallId: 'c1' })
  })

  it('a frontend tool registered after a run streamed its call still runs it (the layer saw the call)', async () => {
    const { agent, inputs } = agentOf((input) => run(input, toolCall('c1', 'double', '{"n":2}')))
    const { store, release } = await freshStore(agent)
    const done = store.run({ message: 'hi' })
    await turns()
    release()
    expect((await done).toolCalls.c1).toMatchObject({ name: 'double' })
    store.registerTool({ name: 'double', handler: ({ n }: { n: number }) => n * 2 })
    await until(store, (x) => inputs.length === 2 && x.run.status === 'finished')
    expect(inputs[1].messages.at(-1)).toMatchObject({
      role: 'tool',
      toolCallId: 'c1',
      content: '4',
    })
  })

  it('an interrupt outcome loads it; the run ends interrupted once it is in', async () => {
    const { agent, inputs } = agentOf((input) =>
      run(input, [], { type: 'interrupt', interrupts: [ask('i1')] }),
    )
    const { store, release } = await freshStore(agent)
    const done = store.run({ message: 'go' })
    await turns()
    expect(store.getSnapshot().run.status).toBe('running')
    expect(store.getSnapshot().interrupts).toEqual([])
    release()
    const s = await done
    expect(s.run.status).toBe('interrupted')
    expect(s.interrupts).toMatchObject([{ id: 'i1', state: 'open' }])
    expect(store.respondToInterrupt('i1', { answer: 'yes' })).toBeUndefined()
    await until(store, (x) => inputs.length === 2 && x.run.status === 'finished')
    expect(inputs[1].resume).toEqual([
      { interruptId: 'i1', status: 'resolved', payload: { answer: 'yes' } },
    ])
  })

  it('a reload with initialInterrupts shows them at once; answers given while it loads apply once it is in', async () => {
    const { agent, inputs } = agentOf()
    const { store, chunk, release } = await freshStore(agent, {
      initialInterrupts: [ask('i1'), ask('i2')],
      initialResume: [{ interruptId: 'i1', status: 'resolved', payload: 'kept' }],
    })
    expect(store.getSnapshot().interrupts.map((i) => [i.id, i.state])).toEqual([
      ['i1', 'open'],
      ['i2', 'open'],
    ])
    await turns()
    expect(chunk.imports).toBe(1)
    expect(store.respondToInterrupt('i2', 'new')).toBeUndefined() // judged once the layer is in
    release()
    await until(store, (s) => inputs.length === 1 && s.run.status === 'finished')
    expect(inputs[0].resume).toEqual([
      { interruptId: 'i1', status: 'resolved', payload: 'kept' },
      { interruptId: 'i2', status: 'resolved', payload: 'new' },
    ])
  })

  it('a store destroyed while the layer loads stays readable; the late chunk changes nothing', async () => {
    const errors = vi.spyOn(console, 'error')
    const { store, release } = await freshStore(agentOf().agent, { initialInterrupts: [ask('i1')] })
    store.cancelInterrupt('i1') // queued for the layer
    store.destroy()
    release()
    await turns()
    expect(store.getSnapshot().interrupts).toMatchObject([{ id: 'i1', state: 'open' }])
    expect(store.getTool('x')).toBeUndefined()
    expect(errors).not.toHaveBeenCalled()
  })

  it('a failed load ends the run with load_failed (what came before kept); retry() loads it again', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    const script = (input: RunAgentInput) =>
      run(input, [...text('m1', 'checking'), ...toolCall('c1', 'search', '{}')])
    const { agent, inputs } = agentOf(script, script)
    const { store, chunk, release } = await freshStore(agent)
    chunk.fail = true
    release()
    const failed = await store.run({ message: 'hi' })
    expect(failed.run.status).toBe('error')
    expect(failed.run.error).toMatchObject({ code: 'load_failed', retryable: true })
    expect(failed.run.error?.message).toMatch(/human-in-the-loop layer could not be loaded/)
    expect(failed.messages.map((m) => [m.role, m.content])).toEqual([
      ['user', 'hi'],
      ['assistant', 'checking'],
    ])
    chunk.fail = false
    const final = await store.retry()
    expect(chunk.imports).toBe(2)
    expect(inputs).toHaveLength(2)
    expect(final.run.status).toBe('finished')
    expect(final.toolCalls.c1).toMatchObject({ name: 'search' })
  })

  it('a layer that fails to start (the policy store throws) ends the run like a failed load; retry() starts it again', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    const script = (input: RunAgentInput) =>
      run(input, [...text('m1', 'checking'), ...toolCall('c1', 'search', '{}')])
    const { agent, inputs } = agentOf(script, script)
    const policyStore = createMemoryPolicyStore()
    const subscribe = policyStore.subscribe!.bind(policyStore)
    let broken = true
    policyStore.subscribe = (listener) => {
      if (broken) throw new Error('storage is locked')
      return subscribe(listener)
    }
    const { store, release } = await freshStore(agent, { policyStore })
    release()
    const failed = await store.run({ message: 'hi' })
    expect(failed.run.status).toBe('error')
    expect(failed.run.error).toMatchObject({ code: 'load_failed', retryable: true })
    expect(failed.run.error?.message).toMatch(
      /human-in-the-loop layer failed to start: storage is locked/,
    )
    expect(failed.messages.map((m) => [m.role, m.content])).toEqual([
      ['user', 'hi'],
      ['assistant', 'checking'],
    ])
    broken = false
    const final = await store.retry()
    expect(inputs).toHaveLength(2)
    expect(final.run.status).toBe('finished')
    expect(final.toolCalls.c1).toMatchObject({ name: 'search' })
  })

  it('a run waiting for a failed load (tool registered) ends with load_failed; nothing is sent', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    const { agent, inputs } = agentOf()
    const { store, chunk, release } = await freshStore(agent)
    chunk.fail = true
    release()
    store.registerTool({ name: 'delete_file', requiresApproval: true })
    const failed = await store.run({ message: 'hi' })
    expect(failed.run.error).toMatchObject({ code: 'load_failed', retryable: true })
    expect(inputs).toHaveLength(0)
    chunk.fail = false
    expect((await store.retry()).run.status).toBe('finished')
    expect(inputs).toHaveLength(1)
  })
})
