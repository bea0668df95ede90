import { describe, expect, it } from 'vitest'
import { faultSeed, createRng } from './createRng'
import { defineFaultSuite, withRig } from './defineFaultSuite'
import { runStore, summary, tally, wsAgentAt } from './faultHarness'
import { silenceMidRun } from './silenceMidRun'
import { problemsOf, WS_KIT } from './faultScenarios'

defineFaultSuite(WS_KIT, 'WebSocketAgent (resume frame)')

/**
 * Fast heartbeat: a ping every 300 ms, dead 200 ms after a ping without any frame. (The timeout
 * must stay below the interval: each ping cancels the previous ping's timeout, see
 * /tmp/briefs/fault-findings.md F4.)
 */
const HEARTBEAT = { heartbeatMs: 300, heartbeatTimeoutMs: 200, connectTimeoutMs: 500 }

const seed = faultSeed()
const sub = (label: string) => createRng(seed).fork(label).seed

describe('WebSocketAgent: a `run` frame lost in a cut', () => {
  it('is sent again after the server answers run_not_found (it never started the run), and the run ends whole', async () => {
    // Connection 0: after the 101 answer, hold the client's first frames (ping, run) and cut
    // 50 ms later, so `run` never reaches the server. Later connections are left alone.
    const plan = ({ index }: { index: number }) =>
      index === 0
        ? {
            perRequest: (_head: string, i: number) =>
              i === 1 ? { stallAtByte: 0, cutAfterMs: 50 } : undefined,
          }
        : undefined
    await withRig(sub('lost-run'), { agent: { events: 1000 }, plan }, async (rig) => {
      const client = wsAgentAt(rig.proxy.port)
      const run = await runStore(client)
      client.close()
      summary('ws lost run frame', {
        stalls: rig.proxy.stats.stalls,
        cuts: rig.proxy.stats.cuts,
        connections: rig.proxy.stats.connections,
        status: run.snapshot.run.status,
        ...tally(run.seqs, rig.expected.events),
      })
      expect(rig.proxy.stats).toMatchObject({ stalls: 1, cuts: 1 })
      expect(problemsOf(run, rig.expected, 'lost run frame')).toEqual([])
    })
  }, 30_000)
})

describe(`WebSocketAgent silent connections (heartbeat timeout), seed ${seed} (FAULT_SEED=${seed} to replay)`, () => {
  it('a connection that goes silent mid-run is declared dead by the heartbeat, and the run resumes on a new one', async () => {
    const s = sub('silent')
    await withRig(s, { agent: { events: 3000, pauseEvery: 10, pauseMs: 2 } }, async (rig) => {
      const agent = wsAgentAt(rig.proxy.port, HEARTBEAT)
      await silenceMidRun(rig, agent, 'ws silent connection', 500)
      agent.close()
    })
  }, 60_000)

  it('every connection goes silent at a random byte (handshake included): runs still end equal to the uncut run', async () => {
    const s = sub('silent-random')
    const plan = ({ rng }: { rng: ReturnType<typeof createRng> }) => ({
      stallAtByte: rng.int(0, 60_000),
    })
    const agent = { events: 1500, pauseEvery: 20, pauseMs: 1 }
    await withRig(s, { agent, plan }, async (rig) => {
      const client = wsAgentAt(rig.proxy.port, {
        heartbeatMs: 150,
        heartbeatTimeoutMs: 100,
        connectTimeoutMs: 300,
      })
      const started = performance.now()
      const problems: string[] = []
      const causes: Record<string, number> = {}
      const runs = 2
      for (let i = 0; i < runs; i++) {
        const run = await runStore(client)
        problems.push(...problemsOf(run, rig.expected, `ws silent run ${i + 1}`))
        for (const [code, n] of Object.entries(run.reconnectCauses))
          causes[code] = (causes[code] ?? 0) + n
      }
      client.close()
      summary('ws random silences', {
        seed: s,
        runs,
        eventsPerRun: rig.expected.events,
        stalls: rig.proxy.stats.stalls,
        connections: rig.proxy.stats.connections,
        heartbeatTimeouts: causes.heartbeat_timeout ?? 0,
        otherReconnects:
          Object.entries(causes)
            .filter(([code]) => code !== 'heartbeat_timeout')
            .map(([code, n]) => `${code}:${n}`)
            .join(',') || 'none',
        ms: performance.now() - started,
      })
      expect(problems, `seed ${s}`).toEqual([])
      expect(rig.proxy.stats.stalls).toBeGreaterThanOrEqual(3)
      expect(causes.heartbeat_timeout ?? 0).toBeGreaterThan(0)
    })
  }, 90_000)
})
