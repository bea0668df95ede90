import { expect, it } from 'vitest'
import type { RequestFaults } from './FaultConnection'
import { defineLostFramePlan } from './lostFramePlan'
import { runStore, wsAgentAt } from './faultHarness'
import { withRig } from './defineFaultSuite'
import { problemsOf } from './faultScenarios'

/** Holds the client frame sent as request `frame` (0: the upgrade GET) and cuts 50 ms later. */
const hold =
  (frame: number) =>
  (_head: string, i: number): RequestFaults | undefined =>
    i === frame ? { stallAtByte: 0, cutAfterMs: 50 } : undefined

it('F1: the `run` frame lost, then the re-sent one lost too: the run still ends whole (nothing ran, nothing applied)', async () => {
  // Connection 0 loses the first frame after the 101 answer (`run`). Connection 1 loses the
  // second one: before the fix that was the `run` re-sent after `resume` → `run_not_found`, and
  // connection 2's `resume` → `run_not_found` failed the run. Connection 2 on is left alone.
  const plan = defineLostFramePlan([hold(1), hold(2)])
  await withRig(61, { agent: { events: 200 }, plan }, async (rig) => {
    const client = wsAgentAt(rig.proxy.port)
    const run = await runStore(client)
    client.close()
    expect(rig.proxy.stats.cuts).toBeGreaterThanOrEqual(1)
    expect(problemsOf(run, rig.expected, 'run frame lost twice')).toEqual([])
  })
}, 30_000)

it('F1: the first client frame lost on three connections in a row: the run still ends whole', async () => {
  const plan = defineLostFramePlan([hold(1), hold(1), hold(1)])
  await withRig(62, { agent: { events: 200 }, plan }, async (rig) => {
    const client = wsAgentAt(rig.proxy.port)
    const run = await runStore(client)
    client.close()
    expect(rig.proxy.stats).toMatchObject({ cuts: 3, stalls: 3 })
    expect(problemsOf(run, rig.expected, 'run frame lost three times')).toEqual([])
  })
}, 30_000)
