import type { WireEvent } from '../../src/core/protocol/types'
import type { AgentHandlerFn } from '../../src/server/createAgentHandler'
import { createRng, type Rng } from './createRng'

/** Options of {@link createLongRunAgent}. */
export interface LongRunOptions {
  /** Events per run, at least (the last segment completes, then `RUN_FINISHED`). Default 3000. */
  events?: number
  /** Seed of the content; the same seed gives the same events (ids included) for any input. */
  seed?: number
  /** Yield to the event loop after this many events (so runs are live while clients drop). `0`: never. Default 50. */
  pauseEvery?: number
  /** Length of each pause, ms (`0`: one macrotask). Default 0. */
  pauseMs?: number
}

const WORDS = [
  'the', 'agent', 'streams', 'a', 'long', 'answer', 'while', 'networks', 'drop', 'and',
  'resume', 'replays', 'every', 'missed', 'event', 'once', 'ünïcödé', '🚀', 'tokens', 'state',
] // prettier-ignore

/**
 * The events of one deterministic long run, in order, without the `RUN_STARTED`/`RUN_FINISHED`
 * envelope. Segments mix text deltas, tool calls (streamed JSON arguments and a result) and
 * state deltas. Every event's `timestamp` is its 1-based position in the whole run (so a client
 * can count lost and duplicated events without trusting the transport's ids).
 */
export function* longRunBody(rng: Rng, total: number): Generator<WireEvent> {
  let seq = 1 // RUN_STARTED is 1
  const next = (event: WireEvent): WireEvent => ({ ...event, timestamp: ++seq })
  yield next({ type: 'STATE_SNAPSHOT', snapshot: { counter: 0, log: [], tools: {} } })
  for (let k = 0; seq < total - 1; k++) {
    const messageId = `msg-${k}`
    yield next({ type: 'STEP_STARTED', stepName: `segment-${k}` })
    yield next({ type: 'TEXT_MESSAGE_START', messageId, role: 'assistant' })
    const tokens = rng.int(10, 60)
    for (let i = 0; i < tokens; i++) {
      const delta = `${i === 0 ? '' : ' '}${rng.pick(WORDS)}${rng.chance(0.1) ? '.' : ''}`
      yield next({ type: 'TEXT_MESSAGE_CONTENT', messageId, delta })
    }
    yield next({ type: 'TEXT_MESSAGE_END', messageId })
    if (rng.chance(0.6)) {
      const toolCallId = `call-${k}`
      const args = JSON.stringify({ segment: k, words: rng.int(1, 1000), note: rng.pick(WORDS) })
      yield next({
        type: 'TOOL_CALL_START',
        toolCallId,
        toolCallName: rng.pick(['lookup', 'add_task', 'search']),
        parentMessageId: messageId,
      })
      for (let i = 0; i < args.length; i += 7)
        yield next({ type: 'TOOL_CALL_ARGS', toolCallId, delta: args.slice(i, i + 7) })
      yield next({ type: 'TOOL_CALL_END', toolCallId })
      yield next({
        type: 'TOOL_CALL_RESULT',
        messageId: `result-${k}`,
        toolCallId,
        role: 'tool',
        content: JSON.stringify({ ok: true, segment: k }),
      })
    }
    yield next({
      type: 'STATE_DELTA',
      delta: [
        { op: 'replace', path: '/counter', value: k + 1 },
        { op: 'add', path: '/log/-', value: `${k}:${rng.pick(WORDS)}` },
        { op: 'add', path: `/tools/s${k}`, value: rng.int(0, 99) },
      ],
    })
    yield next({ type: 'STEP_FINISHED', stepName: `segment-${k}` })
  }
}

/**
 * A deterministic server-side agent for the fault tests: for any input it streams a long run
 * (`RUN_STARTED`, a `STATE_SNAPSHOT`, then segments of text deltas, tool calls and state
 * deltas, then `RUN_FINISHED` with outcome `success`). Message and tool-call ids come from the
 * seed, not the input, so two runs with different `runId`s reduce to the same messages and
 * state. Stops at the next event when `ctx.signal` aborts.
 */
export function createLongRunAgent(options: LongRunOptions = {}): AgentHandlerFn {
  const { events = 3000, seed = 1, pauseEvery = 50, pauseMs = 0 } = options
  return async function* longRun(input, { signal }) {
    const { threadId, runId } = input
    yield { type: 'RUN_STARTED', threadId, runId, timestamp: 1 }
    let n = 1
    let last = 1
    for (const event of longRunBody(createRng(seed), events)) {
      if (signal.aborted) return
      if (pauseEvery > 0 && ++n % pauseEvery === 0)
        await new Promise((resolve) => setTimeout(resolve, pauseMs))
      if (signal.aborted) return
      last = event.timestamp as number
      yield event
    }
    yield {
      type: 'RUN_FINISHED',
      threadId,
      runId,
      outcome: { type: 'success' },
      timestamp: last + 1,
    }
  }
}

/** All events of one run of {@link createLongRunAgent} for `input`, produced in process. */
export async function longRunEvents(
  agent: AgentHandlerFn,
  input: Parameters<AgentHandlerFn>[0],
): Promise<WireEvent[]> {
  const events: WireEvent[] = []
  const source = agent(input, { signal: new AbortController().signal })
  for await (const e of source as AsyncIterable<WireEvent>) events.push(e)
  return events
}
