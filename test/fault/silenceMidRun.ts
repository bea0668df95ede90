import { expect } from 'vitest'
import { createAgentStore } from '../../src/core/store/createAgentStore'
import type { Agent } from '../../src/core/transport/Agent'
import type { Rig } from './defineFaultSuite'
import { summary, tally, USER_MESSAGE } from './faultHarness'

/**
 * Runs a store on `agent` through the rig's proxy, silences every connection (`stallAll`: TCP
 * open, no bytes) once `after` events were applied, and checks that the transport declared the
 * connection dead (`heartbeat_timeout`), resumed on a new one, and ended with the uncut result,
 * 0 lost and 0 duplicated. Prints a summary line named `name`.
 */
export async function silenceMidRun(
  rig: Rig,
  agent: Agent,
  name: string,
  after: number,
): Promise<void> {
  const store = createAgentStore({ agent, threadId: 'thread-fault' })
  const seqs: number[] = []
  store.onEvent((event) => seqs.push(event.timestamp ?? -1))
  const causes: string[] = []
  agent.subscribeConnection?.((state) => {
    if (state.status === 'reconnecting') causes.push(state.error?.code ?? 'none')
  })
  const started = performance.now()
  const running = store.run({ message: USER_MESSAGE })
  while (seqs.length < after) await new Promise((r) => setTimeout(r, 2))
  const silenced = rig.proxy.stallAll()
  const appliedWhenSilenced = seqs.length
  const snapshot = await running
  store.destroy()
  summary(name, {
    seed: rig.seed,
    silenced,
    appliedWhenSilenced,
    heartbeatTimeouts: causes.filter((c) => c === 'heartbeat_timeout').length,
    connections: rig.proxy.stats.connections,
    ...tally(seqs, rig.expected.events),
    ms: performance.now() - started,
  })
  expect(silenced).toBeGreaterThanOrEqual(1)
  expect(causes).toContain('heartbeat_timeout')
  expect(snapshot.run.status).toBe('finished')
  expect(snapshot.messages).toEqual(rig.expected.messages)
  expect(snapshot.state).toEqual(rig.expected.state)
  expect(tally(seqs, rig.expected.events)).toEqual({ lost: 0, duplicated: 0, outOfOrder: 0 })
}
