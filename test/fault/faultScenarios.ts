import { isDeepStrictEqual } from 'node:util'
import type { Message } from '../../src/core/protocol/types'
import type { Agent } from '../../src/core/transport/Agent'
import type { FaultPlan, FaultProxy } from './createFaultProxy'
import { httpAgentAt, runStore, tally, wsAgentAt, type LaneRun } from './faultHarness'

/** Largest cut offset, bytes: a 3,000-event run is ~300 kB, so it gets ~25 cuts. */
const MAX_CUT = 24_000
/** Smallest cut in the answer to a `POST`: after its head, which carries `X-AWR-Resumable`. */
const POST_MIN_CUT = 800

/**
 * True when `tail` ends an HTTP/1.1 response the kit's server sends: the last chunk of a chunked
 * body (`0\r\n\r\n`) or a JSON error body (`}`), which is sent with `Content-Length`.
 */
export function endsHttpResponse(tail: Buffer): boolean {
  const text = tail.toString('latin1')
  return text.endsWith('\r\n0\r\n\r\n') || text.endsWith('}')
}

/**
 * Cuts for SSE: every answer is cut at a random offset (per request on keep-alive connections).
 * A `POST` answer is cut only after its head (before it, the client cannot know the run is
 * resumable: the contract makes that a failed run). Resume `GET`s are cut anywhere, 15% of
 * them after a random 1-60 ms instead. Half the cuts are RST, half FIN.
 */
export const httpCutPlan: FaultPlan = ({ rng }) => ({
  cutMode: rng.chance(0.5) ? 'reset' : 'end',
  isResponseEnd: endsHttpResponse,
  perRequest: (head) => {
    if (head.startsWith('POST')) return { cutAtByte: rng.int(POST_MIN_CUT, MAX_CUT) }
    if (rng.chance(0.15)) return { cutAfterMs: rng.int(1, 60) }
    return { cutAtByte: rng.int(0, MAX_CUT) }
  },
})

/**
 * Cuts for WebSocket: each connection is cut at a random byte offset from 0 (inside the
 * handshake) to {@link MAX_CUT}, 15% after a random 1-80 ms instead. Half RST, half FIN.
 */
export const wsCutPlan: FaultPlan = ({ rng }) => {
  const cutMode = rng.chance(0.5) ? 'reset' : 'end'
  if (rng.chance(0.15)) return { cutMode, cutAfterMs: rng.int(1, 80) }
  return { cutMode, cutAtByte: rng.int(0, MAX_CUT) }
}

/** A transport under test: how to make its client agent. */
export interface TransportKit {
  name: 'http' | 'ws'
  makeAgent(port: number): Agent & { close?(): void }
}

export const HTTP_KIT: TransportKit = { name: 'http', makeAgent: (port) => httpAgentAt(port) }
export const WS_KIT: TransportKit = { name: 'ws', makeAgent: (port) => wsAgentAt(port) }

/** The uncut run's result (see `expectedSnapshot`). */
export interface Expected {
  messages: readonly Message[]
  state: unknown
  events: number
}

/** Everything wrong with one run compared with the uncut run; empty when it is right. */
export function problemsOf(run: LaneRun, expected: Expected, label: string): string[] {
  const problems: string[] = []
  const { status, error } = run.snapshot.run
  if (status !== 'finished')
    problems.push(`${label}: status ${status} (${error?.code}: ${error?.message})`)
  const t = tally(run.seqs, expected.events)
  if (t.lost || t.duplicated || t.outOfOrder)
    problems.push(
      `${label}: lost ${t.lost}, duplicated ${t.duplicated}, out of order ${t.outOfOrder}`,
    )
  if (!isDeepStrictEqual(run.ids, run.seqs))
    problems.push(`${label}: event ids differ from positions`)
  if (!isDeepStrictEqual(run.snapshot.messages, expected.messages))
    problems.push(`${label}: messages differ from the uncut run`)
  if (!isDeepStrictEqual(run.snapshot.state, expected.state))
    problems.push(`${label}: state differs from the uncut run`)
  return problems
}

/** Figures of a campaign, for the summary line. */
export interface CampaignResult {
  runs: number
  cuts: number
  connections: number
  reconnecting: number
  lost: number
  duplicated: number
  problems: string[]
  ms: number
}

/**
 * Runs store runs through `proxy` in `lanes` parallel lanes (each lane its own agent, runs one
 * after another) until the proxy has cut at least `minCuts` connections, then checks each run
 * against `expected`. Stops early after the first problem (it is reported with its run number).
 */
export async function cutCampaign(
  kit: TransportKit,
  proxy: FaultProxy,
  expected: Expected,
  { minCuts, lanes, maxRuns = 400 }: { minCuts: number; lanes: number; maxRuns?: number },
): Promise<CampaignResult> {
  const started = performance.now()
  const before = { cuts: proxy.stats.cuts, connections: proxy.stats.connections }
  const result: CampaignResult = {
    runs: 0,
    cuts: 0,
    connections: 0,
    reconnecting: 0,
    lost: 0,
    duplicated: 0,
    problems: [],
    ms: 0,
  }
  await Promise.all(
    Array.from({ length: lanes }, async (_, lane) => {
      const agent = kit.makeAgent(proxy.port)
      try {
        while (
          proxy.stats.cuts - before.cuts < minCuts &&
          result.problems.length === 0 &&
          result.runs < maxRuns
        ) {
          const n = ++result.runs
          const run = await runStore(agent, `thread-${lane}`)
          const t = tally(run.seqs, expected.events)
          result.lost += t.lost
          result.duplicated += t.duplicated
          result.reconnecting += run.reconnecting
          result.problems.push(...problemsOf(run, expected, `${kit.name} run ${n} (lane ${lane})`))
        }
      } finally {
        agent.close?.()
      }
    }),
  )
  result.cuts = proxy.stats.cuts - before.cuts
  result.connections = proxy.stats.connections - before.connections
  result.ms = performance.now() - started
  return result
}
