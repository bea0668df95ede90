import { isDeepStrictEqual } from 'node:util'
import type { Message } from '../../src/core/protocol/types'
import type { Agent } from '../../src/core/transport/Agent'
import type { FaultPlan, FaultProxy } from './createFaultProxy'
import { httpAgentAt, runStore, tally, wsAgentAt, type LaneRun } from './faultHarness'

/** Default largest cut offset, bytes: a 3,000-event run is 300-500 kB, so it gets ~25-40 cuts. */
const MAX_CUT = 24_000

/**
 * True when `tail` ends an HTTP/1.1 response the kit's server sends: the last chunk of a chunked
 * body (`0\r\n\r\n`) or a JSON error body (`}`), which is sent with `Content-Length`.
 */
export function endsHttpResponse(tail: Buffer): boolean {
  const text = tail.toString('latin1')
  return text.endsWith('\r\n0\r\n\r\n') || text.endsWith('}')
}

/** Byte range of cuts, bytes, and the share of time-based cuts. */
export interface CutRange {
  minCut?: number
  maxCut?: number
  /** Probability that a connection (SSE: a resume request) is cut after 1-80 ms instead. Default 0.15. */
  timeCuts?: number
}

/**
 * Cuts for SSE: every answer is cut at a random offset in `[minCut, maxCut]` (default
 * `[0, 24 000]`; per request on keep-alive connections), a `POST` answer also inside its head
 * (the agent knows the endpoint is resumable and attaches to the run). A share `timeCuts` (15%)
 * of the resume `GET`s are cut after 1-60 ms instead (not `POST`s: a time cut can land before
 * the request reached the server, and a run that never started cannot be re-joined). Half the
 * cuts are RST, half FIN.
 */
export function httpCutPlan(range: CutRange = {}): FaultPlan {
  const { minCut = 0, maxCut = MAX_CUT, timeCuts = 0.15 } = range
  return ({ rng }) => ({
    cutMode: rng.chance(0.5) ? 'reset' : 'end',
    isResponseEnd: endsHttpResponse,
    perRequest: (head) => {
      if (head.startsWith('POST')) return { cutAtByte: rng.int(minCut, maxCut) }
      if (rng.chance(timeCuts)) return { cutAfterMs: rng.int(1, 60) }
      return { cutAtByte: rng.int(minCut, maxCut) }
    },
  })
}

/** WebSocket cuts below this byte land inside the 101 answer: the client never opens. */
const WS_HANDSHAKE_CUT = 150

/**
 * Cuts for WebSocket: each connection is cut at a random byte offset in `[minCut, maxCut]`
 * (default 24 000; 5% of them inside the handshake when `minCut` allows), or, for a share
 * `timeCuts` (15%), 1-80 ms after it opened. Cuts land anywhere, also between the handshake and
 * the first events, where they lose the client's `run`/`resume` frames in flight. Half RST, half
 * FIN.
 */
export function wsCutPlan(range: CutRange = {}): FaultPlan {
  const { minCut = 0, maxCut = MAX_CUT, timeCuts = 0.15 } = range
  return ({ rng }) => {
    const cutMode = rng.chance(0.5) ? 'reset' : 'end'
    if (rng.chance(timeCuts)) return { cutMode, cutAfterMs: rng.int(1, 80) }
    if (minCut < WS_HANDSHAKE_CUT && rng.chance(0.05))
      return { cutMode, cutAtByte: rng.int(minCut, WS_HANDSHAKE_CUT) }
    return { cutMode, cutAtByte: rng.int(minCut, maxCut) }
  }
}

/** A transport under test: how to make its client agent, and its cut plan. */
export interface TransportKit {
  name: 'http' | 'ws'
  makeAgent(port: number): Agent & { close?(): void }
  cutPlan(range?: CutRange): FaultPlan
}

export const HTTP_KIT: TransportKit = {
  name: 'http',
  makeAgent: (port) => httpAgentAt(port, { resumable: true }),
  cutPlan: httpCutPlan,
}
export const WS_KIT: TransportKit = {
  name: 'ws',
  makeAgent: (port) => wsAgentAt(port),
  cutPlan: wsCutPlan,
}

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

/** Options of {@link cutCampaign}. */
export interface CampaignOptions {
  /** Parallel lanes; each runs store runs one after another. */
  lanes: number
  /** Keep running until the proxy cut this many connections (ignored with `runsPerLane`). */
  minCuts?: number
  /** Exactly this many runs per lane. */
  runsPerLane?: number
  /** One agent for every lane (runs share it: one WebSocket, one HttpAgent). Default: one per lane. */
  shareAgent?: boolean
  /** Safety stop. Default 400. */
  maxRuns?: number
}

/**
 * Runs store runs through `proxy` and checks each against `expected`: in `lanes` parallel lanes,
 * `runsPerLane` each or until the proxy has cut at least `minCuts` connections. Stops early after
 * the first problem (reported with its run number).
 */
export async function cutCampaign(
  kit: TransportKit,
  proxy: FaultProxy,
  expected: Expected,
  options: CampaignOptions,
): Promise<CampaignResult> {
  const { lanes, minCuts = 0, runsPerLane, shareAgent = false, maxRuns = 400 } = options
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
  const shared = shareAgent ? kit.makeAgent(proxy.port) : undefined
  const more = (laneRuns: number) =>
    result.problems.length === 0 &&
    result.runs < maxRuns &&
    (runsPerLane === undefined ? proxy.stats.cuts - before.cuts < minCuts : laneRuns < runsPerLane)
  try {
    await Promise.all(
      Array.from({ length: lanes }, async (_, lane) => {
        const agent = shared ?? kit.makeAgent(proxy.port)
        try {
          for (let laneRuns = 0; more(laneRuns); laneRuns++) {
            const n = ++result.runs
            const run = await runStore(agent, `thread-${lane}`)
            const t = tally(run.seqs, expected.events)
            result.lost += t.lost
            result.duplicated += t.duplicated
            result.reconnecting += run.reconnecting
            const label = `${kit.name} run ${n} (lane ${lane})`
            result.problems.push(...problemsOf(run, expected, label))
          }
        } finally {
          if (!shared) agent.close?.()
        }
      }),
    )
  } finally {
    shared?.close?.()
  }
  result.cuts = proxy.stats.cuts - before.cuts
  result.connections = proxy.stats.connections - before.connections
  result.ms = performance.now() - started
  return result
}
