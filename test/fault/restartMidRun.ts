import { expect } from 'vitest'
import type { AgentError } from '../../src/core/protocol/AgentError'
import { reduceEvents } from '../../src/core/reducer/reduceEvents'
import { createAgentStore } from '../../src/core/store/createAgentStore'
import { createFaultProxy } from './createFaultProxy'
import { createLongRunAgent, longRunEvents } from './createLongRunAgent'
import {
  expectedSnapshot,
  startFaultServer,
  summary,
  tally,
  USER_MESSAGE,
  type FaultServer,
} from './faultHarness'
import type { TransportKit } from './faultScenarios'

async function until(predicate: () => boolean, what: string, timeoutMs = 20_000) {
  const start = Date.now()
  while (!predicate()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 2))
  }
}

/**
 * A server restart mid-run: a store streams a paced long run through a proxy; after 500 events
 * the "process dies" (the proxy refuses new connections and cuts the open ones, the server
 * closes) and a new server instance starts on the same port with an empty run registry, then
 * the proxy accepts again. The client's resume finds no run (404 / `run_not_found`), so the run
 * ends `truncated` (cause `run_not_found`) keeping exactly the events it applied (a prefix of the
 * run, none twice); `retry()` then runs it again to the uncut result.
 */
export async function restartMidRun(kit: TransportKit, seed: number): Promise<void> {
  const agent = createLongRunAgent({ events: 3000, seed, pauseEvery: 10, pauseMs: 2 })
  let server: FaultServer = await startFaultServer(agent)
  const { port } = server
  const proxy = await createFaultProxy({ target: port, seed })
  const client = kit.makeAgent(proxy.port)
  const store = createAgentStore({ agent: client, threadId: 'thread-fault' })
  const started = performance.now()
  try {
    const expected = await expectedSnapshot(agent)
    const events = await longRunEvents(agent, {
      threadId: 'thread-fault',
      runId: 'reference',
      messages: [USER_MESSAGE],
      tools: [],
      context: [],
    })
    const seqs: number[] = []
    store.onEvent((event) => seqs.push(event.timestamp ?? -1))
    const running = store.run({ message: USER_MESSAGE })
    await until(() => seqs.length >= 500, '500 events before the restart')

    await proxy.refuse()
    const cut = proxy.cutAll()
    await server.close()
    server = await startFaultServer(agent, { port })
    await proxy.accept()

    const truncated = await running
    const restartMs = performance.now() - started
    expect(truncated.run.status, `seed ${seed}`).toBe('truncated')
    const error = truncated.run.error as AgentError
    expect(error.code).toBe('truncated')
    expect(error.retryable).toBe(true)
    expect((error.cause as AgentError | undefined)?.code).toBe('run_not_found')
    // Exactly the events 1..k were applied, once each, in order; the snapshot is their reduction.
    const applied = seqs.length
    expect(tally(seqs, applied)).toEqual({ lost: 0, duplicated: 0, outOfOrder: 0 })
    expect(applied).toBeLessThan(expected.events)
    const prefix = reduceEvents(events.slice(0, applied), {
      threadId: 'thread-fault',
      messages: [USER_MESSAGE],
    })
    expect(truncated.messages).toEqual(prefix.messages)
    expect(truncated.state).toEqual(prefix.state)

    seqs.length = 0
    const retried = await store.retry()
    expect(retried.run.status, `seed ${seed}`).toBe('finished')
    expect(retried.messages).toEqual(expected.messages)
    expect(retried.state).toEqual(expected.state)
    expect(tally(seqs, expected.events)).toEqual({ lost: 0, duplicated: 0, outOfOrder: 0 })
    summary(`${kit.name} server restart`, {
      seed,
      appliedBeforeRestart: applied,
      cutByRestart: cut,
      refused: proxy.stats.refusals,
      status: truncated.run.status,
      cause: (error.cause as AgentError).code,
      retry: retried.run.status,
      restartToTruncatedMs: restartMs,
      ms: performance.now() - started,
    })
  } finally {
    store.destroy()
    ;(client as { close?(): void }).close?.()
    await proxy.close()
    await server.close()
  }
}
