import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createFaultProxy, type FaultProxy } from './createFaultProxy'
import { createLongRunAgent } from './createLongRunAgent'
import { faultSeed } from './createRng'
import { expectedSnapshot, startFaultServer, summary, type FaultServer } from './faultHarness'
import { cutCampaign, WS_KIT, wsCutPlan, type Expected } from './faultScenarios'

const seed = faultSeed()
const agent = createLongRunAgent({ events: 3000, seed, pauseEvery: 40, pauseMs: 1 })

describe(`WebSocketAgent (resume frame) through the fault proxy, seed ${seed} (FAULT_SEED=${seed} to replay)`, () => {
  let server: FaultServer
  let proxy: FaultProxy
  let expected: Expected
  beforeAll(async () => {
    server = await startFaultServer(agent)
    proxy = await createFaultProxy({ target: server.port, seed, plan: wsCutPlan })
    expected = await expectedSnapshot(agent)
  })
  afterAll(async () => {
    await proxy.close()
    await server.close()
  })

  it('≥500 cuts at random offsets: every run ends with the uncut messages and state, 0 lost, 0 duplicated', async () => {
    const r = await cutCampaign(WS_KIT, proxy, expected, { minCuts: 500, lanes: 4 })
    summary('ws cuts', {
      seed,
      runs: r.runs,
      eventsPerRun: expected.events,
      cuts: r.cuts,
      connections: r.connections,
      reconnects: r.reconnecting,
      lost: r.lost,
      duplicated: r.duplicated,
      ms: r.ms,
    })
    expect(r.problems, `seed ${seed}`).toEqual([])
    expect(r.cuts).toBeGreaterThanOrEqual(500)
  }, 120_000)
})
