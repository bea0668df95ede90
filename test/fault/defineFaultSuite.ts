import { describe, expect, it } from 'vitest'
import type { RunRegistryOptions } from '../../src/server/createRunRegistry'
import { createFaultProxy, type FaultPlan, type FaultProxy } from './createFaultProxy'
import { createLongRunAgent, type LongRunOptions } from './createLongRunAgent'
import { createRng, faultSeed } from './createRng'
import { expectedSnapshot, startFaultServer, summary, type FaultServer } from './faultHarness'
import {
  cutCampaign,
  type CampaignOptions,
  type CampaignResult,
  type Expected,
  type TransportKit,
} from './faultScenarios'
import { restartMidRun } from './restartMidRun'

/** A server with the long-run agent, a fault proxy in front of it, and the uncut run's result. */
export interface Rig {
  server: FaultServer
  proxy: FaultProxy
  expected: Expected
  seed: number
}

/** Starts a {@link Rig}, runs `body`, and stops it (also when `body` throws). */
export async function withRig<T>(
  seed: number,
  options: { agent: LongRunOptions; plan?: FaultPlan; registry?: RunRegistryOptions },
  body: (rig: Rig) => Promise<T>,
): Promise<T> {
  const agent = createLongRunAgent({ seed, ...options.agent })
  // Buffers are kept 10 min after a run (default 1 min) so a slow, loaded CI machine cannot turn
  // a late resume into `run_not_found`; the restart test covers a run the server lost.
  const registry = { ttlMs: 600_000, ...options.registry }
  const server = await startFaultServer(agent, { registry })
  const proxy = await createFaultProxy({ target: server.port, seed, plan: options.plan })
  try {
    return await body({ server, proxy, expected: await expectedSnapshot(agent), seed })
  } finally {
    await proxy.close()
    await server.close()
  }
}

/** The figures every campaign prints. */
function figures(seed: number, r: CampaignResult, expected: Expected, extra = {}) {
  return {
    seed,
    runs: r.runs,
    eventsPerRun: expected.events,
    cuts: r.cuts,
    connections: r.connections,
    ...extra,
    lost: r.lost,
    duplicated: r.duplicated,
    ms: r.ms,
  }
}

/** Runs a campaign on a fresh rig, prints its summary line and checks it. */
async function campaign(
  name: string,
  kit: TransportKit,
  seed: number,
  rig: { agent: LongRunOptions; plan: FaultPlan; registry?: RunRegistryOptions },
  options: CampaignOptions & { throttle?: number },
  atLeastCuts: number,
) {
  await withRig(seed, rig, async ({ proxy, expected }) => {
    if (options.throttle) proxy.throttle(options.throttle)
    const bytesBefore = proxy.stats.bytesDown
    const r = await cutCampaign(kit, proxy, expected, options)
    const bytes = proxy.stats.bytesDown - bytesBefore
    const extra: Record<string, number> = options.shareAgent
      ? {}
      : { reconnectStates: r.reconnecting }
    extra.kBytes = bytes / 1000
    if (options.throttle) {
      extra.kBps = bytes / r.ms
      extra.limitkBps = options.throttle / 1000
    }
    summary(`${kit.name} ${name}`, figures(seed, r, expected, extra))
    expect(r.problems, `seed ${seed}`).toEqual([])
    expect(r.cuts, `seed ${seed}`).toBeGreaterThanOrEqual(atLeastCuts)
  })
}

/**
 * Registers the fault tests both transports share, against the real server helpers through
 * the fault proxy: ≥500 cuts, a burst of 10,000 events, 20 concurrent runs, a slow consumer,
 * and a server restart mid-run. The seed is printed in the suite name and every summary line;
 * `FAULT_SEED=<seed>` replays the same fault plans.
 */
export function defineFaultSuite(kit: TransportKit, title: string): void {
  const seed = faultSeed()
  const sub = (label: string) => createRng(seed).fork(label).seed

  describe(`${title} through the fault proxy, seed ${seed} (FAULT_SEED=${seed} to replay)`, () => {
    it('≥500 cuts at random offsets: every run ends with the uncut messages and state, 0 lost, 0 duplicated', async () => {
      const agent = { events: 3000, pauseEvery: 40, pauseMs: 1 }
      const plan = kit.cutPlan()
      await campaign('cuts', kit, seed, { agent, plan }, { lanes: 4, minCuts: 500 }, 500)
    }, 150_000)

    it('a burst of 10,000 events written at once, with cuts', async () => {
      const agent = { events: 10_000, pauseEvery: 0 }
      const registry = { maxEvents: 20_000 }
      // Byte cuts only: a time cut lets a burst through whole (a blocked event loop fires it late).
      const plan = kit.cutPlan({ minCut: 5_000, maxCut: 60_000, timeCuts: 0 })
      const options = { lanes: 1, runsPerLane: 1 }
      await campaign('burst', kit, sub('burst'), { agent, plan, registry }, options, 15)
    }, 60_000)

    it('20 concurrent runs on one agent, with cuts', async () => {
      const agent = { events: 600, pauseEvery: 20, pauseMs: 1 }
      // WebSocket: cuts every 10-80 kB, as each reconnect replays up to 1 MiB per socket before
      // yielding (fault-findings.md F2); SSE answers are cut every 5-40 kB. Byte cuts only, as
      // for the burst: a time cut fires late behind such a replay and lets most of it through.
      const range = kit.name === 'ws' ? { minCut: 10_000, maxCut: 80_000 } : { maxCut: 40_000 }
      const plan = kit.cutPlan({ minCut: 5_000, timeCuts: 0, ...range })
      const options = { lanes: 20, runsPerLane: 1, shareAgent: true }
      await campaign('20 concurrent', kit, sub('concurrent'), { agent, plan }, options, 20)
    }, 90_000)

    it('a slow consumer (throttled to 150 kB/s, the server backs off), with a few cuts', async () => {
      const agent = { events: 1500, pauseEvery: 0 }
      const plan = kit.cutPlan({ minCut: 30_000, maxCut: 90_000 })
      const options = { lanes: 1, runsPerLane: 1, throttle: 150_000 }
      await campaign('slow consumer', kit, sub('slow'), { agent, plan }, options, 1)
    }, 60_000)

    it('a server restart mid-run (replay buffer gone): the run ends truncated keeping what it applied, Retry finishes it', async () => {
      await restartMidRun(kit, sub('restart'))
    }, 60_000)
  })
}
