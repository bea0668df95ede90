/**
 * End to end: the bytes of a `text/event-stream` response → parsed, validated, reduced snapshot
 * (issue 7), against the floor of a bare `split` + `JSON.parse` of the same bytes, and against
 * `@ag-ui/client`'s `HttpAgent.runAgent()` (its parser, validation, verification and apply).
 *
 * Ours: `HttpAgent` (SSE decoding, `JSON.parse`, schema validation) feeding
 * `createEventPipeline()` (as the store does for a validating transport).
 */
import {
  HttpAgent,
  createEventPipeline,
  createSnapshot,
  type AgentEvent,
  type AgentSnapshot,
} from '../../src/core'
import { aguiHttpRun, asProduction } from '../agui'
import { runEvents, runInput, sseChunks, sseResponse } from '../fixtures'
import { TARGETS } from '../budgets'
import { fastest, median, perSecond, timeAsync, timeSync, type BenchRow } from '../measure'

/** Options of the end-to-end measurements. */
export interface EndToEndOptions {
  /** Assistant replies in the run (each `tokens` tokens). Default 40. */
  messages?: number
  /** Tokens per reply. Default 200. */
  tokens?: number
  rounds?: number
  pick?: 'median' | 'fastest'
}

/** The stream of one run: its events and their SSE bytes in 16 KiB chunks. */
export function endToEndStream({ messages = 40, tokens = 200 }: EndToEndOptions = {}) {
  const events = runEvents(messages, tokens)
  return { events, chunks: sseChunks(events) }
}

/** Reads one response with our `HttpAgent` into a snapshot. */
export function oursReadStream(chunks: readonly Uint8Array[]): Promise<AgentSnapshot> {
  const agent = new HttpAgent({
    url: 'http://bench.invalid/agent',
    fetch: async () => sseResponse(chunks),
  })
  const pipeline = createEventPipeline()
  let s: AgentSnapshot = createSnapshot()
  return new Promise((resolve, reject) => {
    agent.run(runInput() as never).subscribe({
      next: (e: AgentEvent) => {
        s = pipeline.push(s, e)
      },
      error: reject,
      complete: () => resolve(pipeline.end(s)),
    })
  })
}

/** The floor: decode the bytes, `split` on blank lines, `JSON.parse` each `data:` payload. */
export function splitAndParse(chunks: readonly Uint8Array[]): unknown[] {
  const decoder = new TextDecoder()
  let text = ''
  for (const c of chunks) text += decoder.decode(c, { stream: true })
  text += decoder.decode()
  const out: unknown[] = []
  for (const frame of text.split('\n\n')) if (frame) out.push(JSON.parse(frame.slice(6)))
  return out
}

/** Our end-to-end rate and the floor's, in events per second, measured alternately. */
export async function endToEndRates(options: EndToEndOptions = {}) {
  const { rounds = 15, pick = 'median' } = options
  const { events, chunks } = endToEndStream(options)
  const choose = pick === 'median' ? median : fastest
  const ours: number[] = []
  const floor: number[] = []
  for (let i = 0; i < rounds + 3; i++) {
    const [o] = await timeAsync(
      () => undefined,
      async () => {
        const s = await oursReadStream(chunks)
        if (s.run.status !== 'finished') throw new Error(`bench: run ended ${s.run.status}`)
      },
      { rounds: 1, warmup: 0 },
    )
    const [f] = timeSync(
      () => undefined,
      () => {
        if (splitAndParse(chunks).length !== events.length) throw new Error('bench: floor')
      },
      { rounds: 1, warmup: 0 },
    )
    if (i >= 3) {
      ours.push(o)
      floor.push(f)
    }
  }
  return {
    events: events.length,
    bytes: chunks.reduce((n, c) => n + c.byteLength, 0),
    ours: perSecond(events.length, choose(ours)),
    floor: perSecond(events.length, choose(floor)),
  }
}

/** `@ag-ui/client`'s `HttpAgent` end to end, in events per second. */
export async function aguiEndToEndRate(options: EndToEndOptions = {}) {
  const { events, chunks } = endToEndStream(options)
  const times = await asProduction(() =>
    timeAsync(
      () => undefined,
      async () => {
        const messages = await aguiHttpRun(() => sseResponse(chunks))
        if (messages.length === 0) throw new Error('bench: @ag-ui/client read nothing')
      },
      { rounds: options.rounds ?? 3, warmup: 1 },
    ),
  )
  return perSecond(events.length, median(times))
}

/** The end-to-end rows of the table. */
export async function endToEndRows(): Promise<BenchRow[]> {
  const r = await endToEndRates()
  const agui = await aguiEndToEndRate()
  const mb = (r.bytes / 1e6).toFixed(1)
  return [
    {
      scenario: `End to end: SSE bytes → validated, reduced snapshot (${r.events.toLocaleString('en-US')} events, ${mb} MB), vs split + JSON.parse`,
      ours: r.ours,
      agui: r.floor,
      unit: 'events/s',
      ratio: r.ours / r.floor,
      target: `≥ ${TARGETS.endToEndVsFloor} of split + JSON.parse`,
      pass: r.ours / r.floor >= TARGETS.endToEndVsFloor,
    },
    {
      scenario: 'End to end: the same stream, vs @ag-ui/client HttpAgent.runAgent()',
      ours: r.ours,
      agui,
      unit: 'events/s',
      ratio: r.ours / agui,
      target: '—',
      pass: null,
    },
  ]
}
