import { afterEach, describe, expect, it } from 'vitest'
import type { Message } from '../../src/core/protocol/types'
import { reduceEvents } from '../../src/core/reducer/reduceEvents'
import { createAgentHandler, type AgentHandlerFn } from '../../src/server/createAgentHandler'
import { createRunRegistry, type RunRegistry } from '../../src/server/createRunRegistry'
import { createGatedAgent } from './gatedAgent'
import { listen, waitFor } from './httpServer'
import { postJson, readSSE, runInput } from './sseClient'

let close: (() => Promise<void>) | undefined
let registry: RunRegistry | undefined
afterEach(async () => {
  await close?.()
  registry?.close()
  close = registry = undefined
})

/** Serves `agent` resumably at `<url>/api/agent` (the routes match the end of the path). */
async function serve(agent: AgentHandlerFn, options: Parameters<typeof createRunRegistry>[0] = {}) {
  registry = createRunRegistry(options)
  const handler = createAgentHandler(agent, { resumable: registry, heartbeatMs: 0 })
  const server = await listen(handler)
  close = server.close
  return `${server.url}/api/agent`
}

const resume = (url: string, runId: string, lastEventId?: string) =>
  fetch(`${url}/runs/${encodeURIComponent(runId)}/events`, {
    headers: lastEventId === undefined ? {} : { 'Last-Event-ID': lastEventId },
  })

describe('createAgentHandler({ resumable })', () => {
  it('numbers the events 1..n and sends X-AWR-Run-Id and X-AWR-Resumable', async () => {
    const gated = createGatedAgent(4)
    gated.releaseAll()
    const url = await serve(gated.agent)
    const res = await readSSE(await postJson(url, runInput('hi')))
    expect(res.status).toBe(200)
    expect(res.headers.get('x-awr-run-id')).toBe('run-1')
    expect(res.headers.get('x-awr-resumable')).toBe('1')
    expect(res.ids).toEqual(Array.from({ length: 10 }, (_, i) => String(i + 1)))
    expect(res.events.at(-1)).toMatchObject({ type: 'RUN_FINISHED' })
  })

  it('a cut leaves the run going; GET …/events with Last-Event-ID replays exactly the rest', async () => {
    const gated = createGatedAgent(8)
    const url = await serve(gated.agent)
    const client = new AbortController()
    gated.release(2)
    const cut = await readSSE(
      await postJson(url, runInput('hi'), { signal: client.signal }),
      (_e, i) => i === 4 && client.abort(),
    )
    expect(cut.ids).toEqual(['1', '2', '3', '4', '5'])
    await waitFor(() => registry!.get('run-1')!.listenerCount === 0)
    gated.release(3) // produced while detached
    await waitFor(() => registry!.get('run-1')!.buffer.lastId === 8)
    const resumed = resume(url, 'run-1', '5')
    gated.releaseAll()
    const rest = await readSSE(await resumed)
    expect(rest.status).toBe(200)
    expect(rest.headers.get('x-awr-resumable')).toBe('1')
    expect(rest.ids).toEqual(Array.from({ length: 9 }, (_, i) => String(i + 6)))
    expect(gated.signals.get('run-1')?.aborted).toBe(false)

    // The joined stream equals an uncut run's.
    const whole = await readSSE(await postJson(url, runInput('hi', { runId: 'run-2' })))
    const strip = (events: Array<Record<string, unknown>>) =>
      JSON.stringify(events).replaceAll('run-2', 'run-1')
    expect(strip([...cut.events, ...rest.events])).toBe(strip(whole.events))
  })

  it('attaches from the start with no Last-Event-ID, or with ?lastEventId=', async () => {
    const gated = createGatedAgent(2)
    gated.releaseAll()
    const url = await serve(gated.agent)
    await readSSE(await postJson(url, runInput('hi')))
    expect((await readSSE(await resume(url, 'run-1'))).ids.length).toBe(8)
    const query = await readSSE(await fetch(`${url}/runs/run-1/events?lastEventId=6`))
    expect(query.ids).toEqual(['7', '8'])
    const empty = await readSSE(await resume(url, 'run-1', '8'))
    expect(empty.status).toBe(200)
    expect(empty.events).toEqual([])
  })

  it('answers 404 run_not_found, 409 replay_gap with firstId, 400 bad_last_event_id', async () => {
    const gated = createGatedAgent(10)
    gated.releaseAll()
    const url = await serve(gated.agent, { maxEvents: 5 })
    await readSSE(await postJson(url, runInput('hi')))
    const missing = await resume(url, 'nope', '0')
    expect(missing.status).toBe(404)
    expect(await missing.json()).toMatchObject({ error: 'run_not_found' })
    const gap = await resume(url, 'run-1', '3')
    expect(gap.status).toBe(409)
    expect(await gap.json()).toMatchObject({ error: 'replay_gap', firstId: 12 })
    expect((await resume(url, 'run-1', '11')).status).toBe(200)
    for (const bad of ['abc', '-1', '17', '1.5']) {
      const res = await resume(url, 'run-1', bad)
      expect(res.status).toBe(400)
      expect(await res.json()).toMatchObject({ error: 'bad_last_event_id' })
    }
  })

  it('answers 404 once the run expired (ttlMs after it ended, injected clock) and no re-sync is kept', async () => {
    let now = 0
    const gated = createGatedAgent(0)
    const url = await serve(gated.agent, { ttlMs: 100, resyncTtlMs: 0, now: () => now })
    await readSSE(await postJson(url, runInput('hi')))
    expect((await resume(url, 'run-1', '0')).status).toBe(200)
    now += 100
    expect((await resume(url, 'run-1', '0')).status).toBe(404)
  })

  it("after the buffer expired, a resume is answered with the re-sync (X-AWR-Resync: 1): snapshots and the terminal event, ids after the run's, until resyncTtlMs", async () => {
    let now = 0
    const gated = createGatedAgent(0)
    const url = await serve(gated.agent, { ttlMs: 100, resyncTtlMs: 1000, now: () => now })
    const run = await readSSE(await postJson(url, runInput('hi')))
    const last = run.events.length
    now += 100
    // A client that held events 1..3 (RUN_STARTED, STEP_STARTED, TEXT_MESSAGE_START): the open
    // message and step are closed after the messages snapshot, before the terminal event.
    const answer = await resume(url, 'run-1', '3')
    expect(answer.headers.get('x-awr-resync')).toBe('1')
    const resync = await readSSE(answer)
    expect(resync.ids).toEqual([1, 2, 3, 4, 5].map((i) => String(last + i)))
    expect(resync.events.map((e) => e.type)).toEqual([
      'MESSAGES_SNAPSHOT',
      'TEXT_MESSAGE_END',
      'STEP_FINISHED',
      'STATE_SNAPSHOT',
      'RUN_FINISHED',
    ])
    const thread = { messages: runInput('hi').messages as Message[] }
    expect(resync.events[0].messages).toEqual(reduceEvents(run.events, thread).messages)
    // A client that holds nothing gets RUN_STARTED first, and no closers.
    const fresh = await readSSE(await resume(url, 'run-1', '0'))
    expect(fresh.events.map((e) => e.type)).toEqual([
      'RUN_STARTED',
      'MESSAGES_SNAPSHOT',
      'STATE_SNAPSHOT',
      'RUN_FINISHED',
    ])
    now += 1000
    expect((await resume(url, 'run-1', '3')).status).toBe(404)
  })

  it('POST …/cancel answers 202, aborts the agent and ends the stream with RUN_FINISHED cancelled', async () => {
    const gated = createGatedAgent(50)
    const url = await serve(gated.agent)
    gated.release(1)
    let cancelled: Promise<Response> | undefined
    const res = await readSSE(await postJson(url, runInput('hi')), (_e, i) => {
      if (i === 3) cancelled = fetch(`${url}/runs/run-1/cancel`, { method: 'POST' })
    })
    const answer = await cancelled!
    expect(answer.status).toBe(202)
    expect(await answer.json()).toEqual({ runId: 'run-1', cancelled: true })
    expect(gated.signals.get('run-1')?.aborted).toBe(true)
    expect(res.events.at(-1)).toEqual({
      type: 'RUN_FINISHED',
      threadId: 'thread-1',
      runId: 'run-1',
      outcome: { type: 'cancelled' },
    })
    expect(res.ids.map(Number)).toEqual(res.ids.map((_, i) => i + 1))
    const again = await fetch(`${url}/runs/run-1/cancel`, { method: 'POST' })
    expect(await again.json()).toEqual({ runId: 'run-1', cancelled: false })
    expect((await fetch(`${url}/runs/nope/cancel`, { method: 'POST' })).status).toBe(404)
    expect((await fetch(`${url}/runs/run-1/cancel`)).status).toBe(405)
    expect((await fetch(`${url}/runs/run-1/events`, { method: 'POST' })).status).toBe(405)
  })

  it('a slow client holds the agent back instead of losing events (small buffer, big events)', async () => {
    const big = 'x'.repeat(64 * 1024)
    const total = 300
    let produced = 0
    const url = await serve(
      async function* (input) {
        yield { type: 'RUN_STARTED', threadId: input.threadId, runId: input.runId }
        for (let i = 0; i < total; i++) {
          produced++
          yield { type: 'CUSTOM', name: 'chunk', value: { i, big } }
        }
        yield { type: 'RUN_FINISHED', threadId: input.threadId, runId: input.runId }
      },
      { maxEvents: 20 },
    )
    const response = await postJson(url, runInput('hi'))
    await new Promise((r) => setTimeout(r, 300))
    // 300 x 64 KiB = 19 MiB; without backpressure all of it would be produced (and dropped) by now.
    expect(produced).toBeLessThan(total / 2)
    const res = await readSSE(response)
    expect(res.ids).toEqual(Array.from({ length: total + 2 }, (_, i) => String(i + 1)))
    expect(res.events.at(-1)).toMatchObject({ type: 'RUN_FINISHED' })
  })

  it('answers 409 busy to a POST whose runId is still running', async () => {
    const gated = createGatedAgent(3)
    const url = await serve(gated.agent)
    const first = await postJson(url, runInput('hi'))
    const second = await postJson(url, runInput('hi'))
    expect(second.status).toBe(409)
    expect(await second.json()).toMatchObject({ error: { code: 'busy' } })
    gated.releaseAll()
    expect((await readSSE(first)).events.at(-1)).toMatchObject({ type: 'RUN_FINISHED' })
  })

  it('serves a runId that cannot be a header value (no X-AWR-Run-Id), resumable by its encoded path', async () => {
    const gated = createGatedAgent(1)
    gated.releaseAll()
    const url = await serve(gated.agent)
    const runId = 'rün/ü 1'
    const res = await readSSE(await postJson(url, runInput('hi', { runId })))
    expect(res.status).toBe(200)
    expect(res.headers.get('x-awr-run-id')).toBeNull()
    expect(res.headers.get('x-awr-resumable')).toBe('1')
    expect((await readSSE(await resume(url, runId, '5'))).ids).toEqual(['6', '7'])
  })

  it('stops a detached run after idleTimeoutMs; a later resume sees RUN_ERROR idle_timeout', async () => {
    const gated = createGatedAgent(5)
    const url = await serve(gated.agent, { idleTimeoutMs: 30 })
    const client = new AbortController()
    await readSSE(await postJson(url, runInput('hi'), { signal: client.signal }), () =>
      client.abort(),
    )
    await registry!.get('run-1')!.done
    expect(gated.signals.get('run-1')?.aborted).toBe(true)
    const rest = await readSSE(await resume(url, 'run-1', '1'))
    expect(rest.events.at(-1)).toMatchObject({ type: 'RUN_ERROR', code: 'idle_timeout' })
  })
})

describe('createAgentHandler without resumable', () => {
  it('still numbers events and names the run, but has no resume routes and aborts on disconnect', async () => {
    const gated = createGatedAgent(2)
    gated.releaseAll()
    const server = await listen(createAgentHandler(gated.agent))
    close = server.close
    const res = await readSSE(await postJson(server.url, runInput('hi')))
    expect(res.ids).toEqual(['1', '2', '3', '4', '5', '6', '7', '8'])
    expect(res.headers.get('x-awr-run-id')).toBe('run-1')
    expect(res.headers.get('x-awr-resumable')).toBeNull()
    expect((await fetch(`${server.url}/runs/run-1/events`)).status).toBe(405)
  })
})
