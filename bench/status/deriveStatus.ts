/**
 * Cost of re-deriving the agent status per store publication on a 100,000-event thread
 * (issue 5, brief D item 4). Run: `node bench/status/run.mjs`.
 *
 * The thread: 50 runs of 2,000 events (a step, a tool call with 20 argument deltas, a reply of
 * 1,968 text deltas, usage on RUN_FINISHED). Measured: (1) one derivation from scratch over the
 * whole log; (2) streaming: per "frame", 10 more events are appended to the log, then what
 * `useAgentStatus` does on a publication (log snapshot + `deriveAgentStatus`); (3) the same
 * frames through the event inspector's type list and row index (`createEventIndex`), against
 * the full scan it replaced.
 */
import { createEventLog } from '../../src/core/status/EventLog'
import { deriveAgentStatus } from '../../src/core/status/deriveAgentStatus'
import { reduceEventLog } from '../../src/core/status/reduceEventLog'
import type { AgentEvent } from '../../src/core/protocol/types'
import { createEventIndex } from '../../src/components/createEventIndex'
import type { EventLogEntry } from '../../src/core/status/EventLog'

const RUNS = 50
const PER_RUN = 2000

function runEvents(r: number): Record<string, unknown>[] {
  const threadId = 'bench'
  const runId = `run-${r}`
  const out: Record<string, unknown>[] = [
    { type: 'RUN_STARTED', threadId, runId },
    { type: 'STEP_STARTED', stepName: 'work' },
    { type: 'TOOL_CALL_START', toolCallId: `c-${r}`, toolCallName: 'search' },
  ]
  for (let i = 0; i < 20; i++)
    out.push({ type: 'TOOL_CALL_ARGS', toolCallId: `c-${r}`, delta: '{"q":1}'.slice(0, 1) })
  out.push({ type: 'TOOL_CALL_END', toolCallId: `c-${r}` })
  out.push({ type: 'TEXT_MESSAGE_START', messageId: `m-${r}`, role: 'assistant' })
  while (out.length < PER_RUN - 3)
    out.push({ type: 'TEXT_MESSAGE_CONTENT', messageId: `m-${r}`, delta: 'tok ' })
  out.push({ type: 'TEXT_MESSAGE_END', messageId: `m-${r}` })
  out.push({ type: 'STEP_FINISHED', stepName: 'work' })
  out.push({
    type: 'RUN_FINISHED',
    threadId,
    runId,
    usage: [{ model: 'm', inputTokens: 100, outputTokens: 2000, totalTokens: 2100 }],
  })
  return out
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

export function main() {
  const events: Record<string, unknown>[] = []
  for (let r = 0; r < RUNS; r++) events.push(...runEvents(r))
  const log = createEventLog(null, { limit: 200_000 })
  const t0 = 1_750_000_000_000
  const head = events.length - 10 * 200
  for (let i = 0; i < head; i++) log.append(events[i] as unknown as AgentEvent, t0 + i)
  const snapshot = reduceEventLog(events)

  // (1) From scratch: fresh entry objects each time (the incremental fold's cache cannot help).
  const scratch: number[] = []
  for (let i = 0; i < 15; i++) {
    const entries = log.getSnapshot().entries.map((e) => ({ ...e }))
    const start = performance.now()
    deriveAgentStatus(snapshot, { events: entries, now: t0 + events.length })
    scratch.push(performance.now() - start)
  }

  // (2) Streaming: 200 frames of 10 events each, one derivation per frame.
  const frames: number[] = []
  const reads: number[] = []
  deriveAgentStatus(snapshot, { events: log.getSnapshot().entries, now: t0 + events.length })
  for (let f = 0; f < 200; f++) {
    for (let i = 0; i < 10; i++) {
      const n = head + f * 10 + i
      log.append(events[n] as unknown as AgentEvent, t0 + n)
    }
    const start = performance.now()
    const entries = log.getSnapshot().entries
    const read = performance.now()
    deriveAgentStatus(snapshot, { events: entries, now: t0 + events.length })
    frames.push(performance.now() - read)
    reads.push(read - start)
  }
  // (3) The inspector's types and rows per publication: incremental index vs full scan.
  const index = createEventIndex()
  const all = () => true
  const fullScan = (entries: readonly EventLogEntry[]) => {
    const seen = new Set<string>()
    const rows: number[] = []
    for (let i = 0; i < entries.length; i++) {
      seen.add(String((entries[i].event as unknown as { type?: unknown })?.type))
      if (all()) rows.push(i)
    }
    return [[...seen].sort(), rows]
  }
  const inspector = createEventLog(null, { limit: 200_000 })
  for (let i = 0; i < head; i++) inspector.append(events[i] as unknown as AgentEvent, t0 + i)
  index.types(inspector.getSnapshot().entries)
  index.visible(inspector.getSnapshot().entries, '', all)
  const incremental: number[] = []
  const scans: number[] = []
  for (let f = 0; f < 200; f++) {
    for (let i = 0; i < 10; i++) {
      const n = head + f * 10 + i
      inspector.append(events[n] as unknown as AgentEvent, t0 + n)
    }
    const entries = inspector.getSnapshot().entries
    let start = performance.now()
    index.types(entries)
    index.visible(entries, '', all)
    incremental.push(performance.now() - start)
    start = performance.now()
    fullScan(entries)
    scans.push(performance.now() - start)
  }

  const n = log.getSnapshot().entries.length
  console.log(`events in the log: ${n.toLocaleString('en-US')}`)
  console.log(`from scratch: median ${median(scratch).toFixed(2)} ms per derivation`)
  const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)]
  console.log(
    `inspector types + rows, per publication: incremental median ${median(incremental).toFixed(3)} ms (p95 ${p95(incremental).toFixed(3)} ms); full scan median ${median(scans).toFixed(3)} ms (p95 ${p95(scans).toFixed(3)} ms)`,
  )
  console.log(
    `streaming, per publication: deriveAgentStatus median ${median(frames).toFixed(3)} ms (p95 ${p95(frames).toFixed(3)} ms); log.getSnapshot() median ${median(reads).toFixed(3)} ms (p95 ${p95(reads).toFixed(3)} ms)`,
  )
}
