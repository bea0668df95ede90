import type { Socket } from 'node:net'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { describe, expect, it } from 'vitest'
import { withRig } from './defineFaultSuite'
import { summary } from './faultHarness'
import { cutCampaign, HTTP_KIT, WS_KIT } from './faultScenarios'

/**
 * Throughput of 20 concurrent runs × 1,000 events on one agent, every connection cut at a random
 * offset in 0-24 kB (byte cuts only): the figure behind fault-findings F2 (a WebSocket replay
 * blocked the server's event loop; 61 s versus 2.2 s uncut). A measurement, not a check, so it
 * runs only with `FAULT_MEASURE=1`:
 * `FAULT_MEASURE=1 npx vitest run test/fault/concurrentReplay.measure.test.ts`.
 */
describe.runIf(process.env.FAULT_MEASURE)('20 concurrent runs under cuts every ~12 kB', () => {
  for (const kit of [WS_KIT, HTTP_KIT]) {
    for (const cut of [true, false]) {
      it(`${kit.name}, ${cut ? 'cut' : 'uncut'}`, async () => {
        const plan = cut ? kit.cutPlan({ minCut: 0, maxCut: 24_000, timeCuts: 0 }) : undefined
        await withRig(
          20_2026,
          { agent: { events: 1000, pauseEvery: 20, pauseMs: 1 }, plan },
          async (rig) => {
            const options = { lanes: 20, runsPerLane: 1, shareAgent: true }
            // Bytes the server wrote (what a cut wastes), and the event loop's longest stall.
            let serverBytes = 0
            rig.server.http.on('connection', (socket: Socket) =>
              socket.on('close', () => (serverBytes += socket.bytesWritten)),
            )
            const lag = monitorEventLoopDelay({ resolution: 5 })
            lag.enable()
            const r = await cutCampaign(kit, rig.proxy, rig.expected, options)
            lag.disable()
            summary(`${kit.name} 20 concurrent ${cut ? 'cut every ~12 kB' : 'uncut'}`, {
              runs: r.runs,
              cuts: r.cuts,
              connections: r.connections,
              lost: r.lost,
              duplicated: r.duplicated,
              serverkB: serverBytes / 1000,
              maxLoopStallMs: lag.max / 1e6,
              p99LoopStallMs: lag.percentile(99) / 1e6,
              ms: r.ms,
            })
            expect(r.problems).toEqual([])
          },
        )
      }, 300_000)
    }
  }
})
