import { afterEach, describe, expect, it } from 'vitest'
import { Observable } from 'rxjs'
import type { BaseEvent } from '../../src/core/protocol/types'
import {
  writeEventStream,
  type EventStreamSource,
  type WriteEventStreamOptions,
  type WriteEventStreamResult,
} from '../../src/server/writeEventStream'
import { listen, waitFor } from './httpServer'
import { postJson, readSSE } from './sseClient'

const custom = (value: unknown) => ({ type: 'CUSTOM', name: 'n', value }) as unknown as BaseEvent
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

let close: (() => Promise<void>) | undefined
afterEach(async () => {
  await close?.()
  close = undefined
})

/** Serves `source` with writeEventStream; `result` resolves with its outcome. */
async function serve(source: () => EventStreamSource, options?: WriteEventStreamOptions) {
  let settle!: (r: WriteEventStreamResult) => void
  const result = new Promise<WriteEventStreamResult>((r) => (settle = r))
  const server = await listen(
    (_req, res) => void writeEventStream(res, source(), options).then(settle),
  )
  close = server.close
  return { url: server.url, result }
}

describe('writeEventStream', () => {
  it('sends SSE headers, every event in order, and ends', async () => {
    const { url, result } = await serve(() =>
      (async function* () {
        for (let i = 0; i < 5; i++) yield custom(i)
      })(),
    )
    const res = await readSSE(await postJson(url, {}))
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/)
    expect(res.headers.get('cache-control')).toBe('no-cache, no-transform')
    expect(res.headers.get('x-accel-buffering')).toBe('no')
    expect(res.events.map((e) => e.value)).toEqual([0, 1, 2, 3, 4])
    expect(await result).toBe('completed')
  })

  it('sends `: ping` heartbeats while the source is idle', async () => {
    const { url } = await serve(
      () =>
        (async function* () {
          await sleep(130)
          yield custom('late')
        })(),
      { heartbeatMs: 20 },
    )
    const res = await readSSE(await postJson(url, {}))
    expect(res.comments.filter((c) => c.trim() === 'ping').length).toBeGreaterThanOrEqual(3)
    expect(res.events).toEqual([custom('late')])
  })

  it('sends no heartbeat when heartbeatMs is 0', async () => {
    const { url } = await serve(
      () =>
        (async function* () {
          await sleep(60)
          yield custom('x')
        })(),
      { heartbeatMs: 0 },
    )
    expect((await readSSE(await postJson(url, {}))).comments).toEqual([])
  })

  it('aborts the signal of a source factory when the client disconnects', async () => {
    let aborted = false
    let produced = 0
    const { url, result } = await serve(() => (signal: AbortSignal) => {
      signal.addEventListener('abort', () => (aborted = true))
      return (async function* () {
        while (!signal.aborted) {
          yield custom(produced++)
          await sleep(5)
        }
      })()
    })
    const client = new AbortController()
    await readSSE(
      await postJson(url, {}, { signal: client.signal }),
      (_e, i) => i === 2 && client.abort(),
    )
    await waitFor(() => aborted)
    expect(await result).toBe('client_closed')
    const count = produced
    await sleep(50)
    expect(produced).toBe(count)
  })

  it('calls return() on a plain async iterator when the client disconnects', async () => {
    let finalized = false
    const { url, result } = await serve(() =>
      (async function* () {
        try {
          for (let i = 0; ; i++) {
            yield custom(i)
            await sleep(5)
          }
        } finally {
          finalized = true
        }
      })(),
    )
    const client = new AbortController()
    await readSSE(
      await postJson(url, {}, { signal: client.signal }),
      (_e, i) => i === 1 && client.abort(),
    )
    expect(await result).toBe('client_closed')
    await waitFor(() => finalized)
  })

  it('unsubscribes from an Observable when the client disconnects', async () => {
    let unsubscribed = false
    const { url, result } = await serve(
      () =>
        new Observable<BaseEvent>((subscriber) => {
          let i = 0
          const timer = setInterval(() => subscriber.next(custom(i++)), 5)
          return () => {
            clearInterval(timer)
            unsubscribed = true
          }
        }),
    )
    const client = new AbortController()
    const res = await readSSE(
      await postJson(url, {}, { signal: client.signal }),
      (_e, i) => i === 2 && client.abort(),
    )
    expect(res.events.slice(0, 3).map((e) => e.value)).toEqual([0, 1, 2])
    expect(await result).toBe('client_closed')
    await waitFor(() => unsubscribed)
  })

  it('writes RUN_ERROR with message and code when the source throws mid-stream', async () => {
    const { url, result } = await serve(() =>
      (async function* () {
        yield custom(1)
        throw Object.assign(new Error('model overloaded'), { code: 'overloaded' })
      })(),
    )
    const res = await readSSE(await postJson(url, {}))
    expect(res.events).toEqual([
      custom(1),
      { type: 'RUN_ERROR', message: 'model overloaded', code: 'overloaded' },
    ])
    expect(await result).toBe('error')
  })

  it('writes RUN_ERROR with code internal_error when an Observable errors without a code', async () => {
    const { url } = await serve(
      () =>
        new Observable<BaseEvent>((s) => {
          s.next(custom(1))
          setTimeout(() => s.error(new Error('boom')), 5)
        }),
    )
    const res = await readSSE(await postJson(url, {}))
    expect(res.events.at(-1)).toEqual({
      type: 'RUN_ERROR',
      message: 'boom',
      code: 'internal_error',
    })
  })

  it('stops and ends the response when options.signal aborts', async () => {
    const stop = new AbortController()
    let finalized = false
    const { url, result } = await serve(
      () =>
        (async function* () {
          try {
            for (let i = 0; ; i++) {
              yield custom(i)
              await sleep(5)
            }
          } finally {
            finalized = true
          }
        })(),
      { signal: stop.signal },
    )
    const res = await readSSE(await postJson(url, {}), (_e, i) => i === 3 && stop.abort())
    expect(res.events.length).toBeGreaterThanOrEqual(4)
    expect(res.events.every((e) => e.type === 'CUSTOM')).toBe(true)
    expect(await result).toBe('aborted')
    await waitFor(() => finalized)
  })

  it('waits for drain: a slow client holds the producer back, and nothing is lost', async () => {
    const big = 'x'.repeat(64 * 1024)
    const total = 400
    let produced = 0
    const { url, result } = await serve(() =>
      (async function* () {
        for (let i = 0; i < total; i++) {
          produced++
          yield custom({ i, big })
        }
      })(),
    )
    const response = await postJson(url, {})
    await sleep(300)
    // 400 x 64 KiB = 25 MiB; without backpressure all of it would be produced by now.
    expect(produced).toBeLessThan(total / 2)
    const res = await readSSE(response)
    expect(res.events.map((e) => (e.value as { i: number }).i)).toEqual(
      Array.from({ length: total }, (_, i) => i),
    )
    expect(await result).toBe('completed')
  })
})
