/**
 * Deterministic inputs of the benchmark scenarios: threads, event streams, SSE bytes, tool
 * arguments and a large agent state. Everything is generated (no randomness), so two runs
 * measure the same work.
 */
import type { BaseEvent, Message, Operation, RunAgentInput } from './types'

const WORDS =
  'the agent streams tokens into a long thread while the user reads earlier answers and scrolls back to check a table of results'.split(
    ' ',
  )

/** A sentence of about `chars` characters (plain words, deterministic by `seed`). */
export function prose(chars: number, seed = 0): string {
  let out = ''
  for (let i = seed; out.length < chars; i++) out += `${WORDS[i % WORDS.length]} `
  return out.slice(0, chars)
}

/** A thread of `n` messages, alternating user and assistant, about 200 characters each. */
export function thread(n: number): Message[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `m${i}`,
    role: i % 2 ? 'assistant' : 'user',
    content: `Message ${i}: ${prose(190, i)}`,
  }))
}

/** `n` `TEXT_MESSAGE_CONTENT` events of one message, one word (about 5 characters) each. */
export function textContentEvents(messageId: string, n: number): BaseEvent[] {
  return Array.from({ length: n }, (_, i) => ({
    type: 'TEXT_MESSAGE_CONTENT',
    messageId,
    delta: ` ${WORDS[i % WORDS.length]}`,
  }))
}

/** A `RunAgentInput` for one run of thread `t`. */
export function runInput(messages: Message[] = []): RunAgentInput {
  return {
    threadId: 't',
    runId: 'r1',
    messages,
    tools: [],
    context: [],
    state: {},
    forwardedProps: {},
  } as RunAgentInput
}

/** Splits `text` into `n` pieces of (almost) equal length, cutting anywhere (mid-escape too). */
export function splitInto(text: string, n: number): string[] {
  const size = Math.ceil(text.length / n)
  const out: string[] = []
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size))
  return out
}

/**
 * Arguments of a "write file" tool call: about `bytes` of JSON whose bulk is one string
 * (markdown and code, with quotes, backslashes, newlines and non-ASCII to escape).
 */
export function fileToolArgs(bytes: number): string {
  const lines: string[] = []
  let size = 0
  for (let i = 0; size < bytes - 60; i++) {
    const line =
      i % 7 === 0
        ? `## Section ${i} — résumé “${WORDS[i % WORDS.length]}”`
        : i % 5 === 0
          ? `    const path = "C:\\\\data\\\\${WORDS[i % WORDS.length]}.json" // ${i}`
          : `${prose(60, i)} (${i})`
    lines.push(line)
    size += JSON.stringify(line).length + 1
  }
  return JSON.stringify({ path: 'docs/report.md', mode: 'overwrite', content: lines.join('\n') })
}

/** Arguments of a "save table" tool call: about `bytes` of JSON, an array of small records. */
export function recordsToolArgs(bytes: number): string {
  const rows: unknown[] = []
  let size = 0
  for (let i = 0; size < bytes - 20; i++) {
    const row = {
      id: i,
      name: `${WORDS[i % WORDS.length]} ${WORDS[(i * 7) % WORDS.length]}`,
      email: `user${i}@example.com`,
      score: Math.round(i * 37.5) / 10,
      active: i % 3 !== 0,
      tags: [WORDS[i % 5], WORDS[(i + 3) % 11]],
      manager: i % 4 === 0 ? null : i - 1,
    }
    rows.push(row)
    size += JSON.stringify(row).length + 1
  }
  return JSON.stringify({ table: 'employees', rows })
}

/** The events of one tool call streaming `args` in `deltas` `TOOL_CALL_ARGS` events. */
export function toolCallEvents(args: string, deltas: number): BaseEvent[] {
  return [
    { type: 'TOOL_CALL_START', toolCallId: 'call-1', toolCallName: 'write', parentMessageId: 'a1' },
    ...splitInto(args, deltas).map((delta) => ({
      type: 'TOOL_CALL_ARGS',
      toolCallId: 'call-1',
      delta,
    })),
  ]
}

/**
 * An agent state of about `bytes` of JSON: `users` (records with nested address and tags),
 * `settings` and `counters`.
 */
export function bigState(bytes: number): Record<string, unknown> {
  const users: unknown[] = []
  let size = 0
  for (let i = 0; size < bytes - 200; i++) {
    const user = {
      id: `u${i}`,
      name: `${WORDS[i % WORDS.length]} ${WORDS[(i * 3) % WORDS.length]}`,
      score: i % 100,
      address: { street: `${i} ${prose(20, i)}`, city: WORDS[i % 9], zip: `${10000 + i}` },
      tags: [WORDS[i % 4], WORDS[(i + 1) % 6]],
    }
    users.push(user)
    size += JSON.stringify(user).length + 1
  }
  return {
    users,
    settings: { theme: 'dark', locale: 'en', flags: { beta: true, compact: false } },
    counters: { messages: 0, tools: 0 },
  }
}

/**
 * `n` small JSON Patches (1–2 operations each) over {@link bigState}: replace a score, append
 * a tag, bump a counter, replace a city. Valid when applied in order. Returns the patches and
 * the indexes of the users they touch.
 */
export function stateDeltas(
  state: Record<string, unknown>,
  n: number,
): { patches: Operation[][]; touched: Set<number> } {
  const count = (state.users as unknown[]).length
  const touched = new Set<number>()
  const patches: Operation[][] = []
  for (let i = 0; i < n; i++) {
    const u = (i * 7919) % count
    touched.add(u)
    switch (i % 4) {
      case 0:
        patches.push([{ op: 'replace', path: `/users/${u}/score`, value: i }])
        break
      case 1:
        patches.push([{ op: 'add', path: `/users/${u}/tags/-`, value: `tag${i}` }])
        break
      case 2:
        patches.push([
          { op: 'replace', path: '/counters/messages', value: i },
          { op: 'replace', path: `/users/${u}/address/city`, value: WORDS[i % WORDS.length] },
        ])
        break
      default:
        patches.push([{ op: 'add', path: `/users/${u}/seen`, value: true }])
    }
  }
  return { patches, touched }
}

/**
 * The events of one realistic run: `messages` assistant replies of `tokens` tokens each, a tool
 * call every 8 replies (60 argument deltas), a state delta every 2 replies, between
 * `RUN_STARTED`, a state snapshot and `RUN_FINISHED`.
 */
export function runEvents(messages: number, tokens: number): BaseEvent[] {
  const out: BaseEvent[] = [
    { type: 'RUN_STARTED', threadId: 't', runId: 'r1' },
    { type: 'STATE_SNAPSHOT', snapshot: { step: 0, notes: [] } },
  ]
  for (let m = 0; m < messages; m++) {
    const messageId = `reply-${m}`
    out.push({ type: 'TEXT_MESSAGE_START', messageId, role: 'assistant' })
    out.push(...textContentEvents(messageId, tokens))
    out.push({ type: 'TEXT_MESSAGE_END', messageId })
    if (m % 8 === 7) {
      const toolCallId = `call-${m}`
      out.push({
        type: 'TOOL_CALL_START',
        toolCallId,
        toolCallName: 'search',
        parentMessageId: messageId,
      })
      for (const delta of splitInto(JSON.stringify({ query: prose(300, m), limit: 10 }), 60))
        out.push({ type: 'TOOL_CALL_ARGS', toolCallId, delta })
      out.push({ type: 'TOOL_CALL_END', toolCallId })
      out.push({
        type: 'TOOL_CALL_RESULT',
        messageId: `result-${m}`,
        toolCallId,
        content: prose(200, m),
      })
    }
    if (m % 2 === 1) {
      out.push({
        type: 'STATE_DELTA',
        delta: [
          { op: 'replace', path: '/step', value: m },
          { op: 'add', path: '/notes/-', value: `reply ${m}` },
        ],
      })
    }
  }
  out.push({ type: 'RUN_FINISHED', threadId: 't', runId: 'r1' })
  return out
}

/** `events` as a `text/event-stream` body (`data: <json>` + blank line), cut into `chunk`-byte pieces. */
export function sseChunks(events: readonly BaseEvent[], chunk = 16 * 1024): Uint8Array[] {
  const bytes = new TextEncoder().encode(
    events.map((e) => `data: ${JSON.stringify(e)}\n\n`).join(''),
  )
  const out: Uint8Array[] = []
  for (let i = 0; i < bytes.length; i += chunk) out.push(bytes.subarray(i, i + chunk))
  return out
}

/** A `Response` streaming `chunks` as `text/event-stream`. */
export function sseResponse(chunks: readonly Uint8Array[]): Response {
  let i = 0
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (i < chunks.length) controller.enqueue(chunks[i++])
      else controller.close()
    },
  })
  return new Response(body, { headers: { 'content-type': 'text/event-stream' } })
}
