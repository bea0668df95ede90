import type { FakeSocket, FakeSystem } from './FakeSystem'

/** A {@link FakeSystem} hosted in the page: hand `fetch` and `WebSocket` to an adapter's options. */
export interface InBrowserFake {
  /** Routes every request to `system.http` (relative URLs resolve against `baseUrl`). */
  fetch: typeof fetch
  /** A `WebSocket` class whose connections are upgrades of `system`. */
  WebSocket: typeof WebSocket
  /** The origin relative URLs resolve against. */
  baseUrl: string
}

const CONNECTING = 0
const OPEN = 1
const CLOSING = 2
const CLOSED = 3

/** Runs `fn` as a separate task, like a network delivery (keeps frame order). */
const later = (fn: () => void) => void setTimeout(fn, 0)

function abortError(): Error {
  return new DOMException('The operation was aborted.', 'AbortError')
}

/** Ties a response body to `signal`: aborting errors the stream like a real fetch does. */
function abortable(response: Response, signal: AbortSignal | null | undefined): Response {
  if (!signal || !response.body) return response
  const reader = response.body.getReader()
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      signal.addEventListener('abort', () => {
        controller.error(abortError())
        void reader.cancel().catch(() => {})
      })
    },
    async pull(controller) {
      try {
        const { done, value } = await reader.read()
        if (signal.aborted) return
        if (done) controller.close()
        else controller.enqueue(value)
      } catch (error) {
        if (!signal.aborted) controller.error(error)
      }
    },
    cancel: () => reader.cancel(),
  })
  return new Response(body, { status: response.status, headers: response.headers })
}

/**
 * Hosts `system` in the page: the returned `fetch` builds a web `Request` and answers it with
 * `system.http` (streamed bodies stream; an aborted signal rejects with `AbortError` and stops
 * the body), and the returned `WebSocket` class runs `system.upgrade`: a rejection fires `error`
 * then `close` 1006 (what a browser sees for an HTTP 403 upgrade answer), frames are delivered as
 * separate tasks in order. No CORS is applied (the fake stands for a same-origin proxy).
 */
export function createInBrowserFake(
  system: FakeSystem,
  baseUrl = 'http://fake.test',
): InBrowserFake {
  const fakeFetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = input instanceof Request ? input.url : new URL(String(input), baseUrl).href
    const request = new Request(input instanceof Request ? input : url, init)
    if (request.signal.aborted) throw abortError()
    const response = await system.http(request)
    if (request.signal.aborted) throw abortError()
    return abortable(response, init?.signal ?? request.signal)
  }) as typeof fetch

  class FakeWebSocket extends EventTarget {
    static readonly CONNECTING = CONNECTING
    static readonly OPEN = OPEN
    static readonly CLOSING = CLOSING
    static readonly CLOSED = CLOSED
    readonly CONNECTING = CONNECTING
    readonly OPEN = OPEN
    readonly CLOSING = CLOSING
    readonly CLOSED = CLOSED
    readonly url: string
    readyState = CONNECTING
    protocol = ''
    extensions = ''
    binaryType: BinaryType = 'blob'
    bufferedAmount = 0
    onopen: ((ev: Event) => unknown) | null = null
    onmessage: ((ev: MessageEvent) => unknown) | null = null
    onclose: ((ev: CloseEvent) => unknown) | null = null
    onerror: ((ev: Event) => unknown) | null = null
    #serverMessage: ((data: string) => void)[] = []
    #serverClose: ((code: number, reason: string) => void)[] = []

    constructor(url: string | URL, protocols?: string | string[]) {
      super()
      this.url = new URL(String(url), baseUrl.replace(/^http/, 'ws')).href
      const offered = protocols === undefined ? [] : [protocols].flat()
      later(() => this.#connect(offered))
    }

    #emit(event: Event) {
      const handler = (this as unknown as Record<string, unknown>)[`on${event.type}`]
      if (typeof handler === 'function') handler.call(this, event)
      this.dispatchEvent(event)
    }

    #connect(offered: string[]) {
      if (this.readyState !== CONNECTING) return
      const headers = offered.length ? { 'sec-websocket-protocol': offered.join(', ') } : undefined
      const request = new Request(this.url.replace(/^ws/, 'http'), { headers })
      const decision = system.upgrade?.(request) ?? { reject: 404 }
      if ('reject' in decision) return this.#closed(1006, '', false, true)
      this.readyState = OPEN
      this.protocol = offered[0] ?? ''
      this.#emit(new Event('open'))
      const socket: FakeSocket = {
        send: (data) =>
          later(() => {
            if (this.readyState !== OPEN) return
            this.#emit(new MessageEvent('message', { data }))
          }),
        close: (code = 1000, reason = '') => later(() => this.#closed(code, reason, true)),
        terminate: () => later(() => this.#closed(1006, '', false)),
        onMessage: (listener) => void this.#serverMessage.push(listener),
        onClose: (listener) => void this.#serverClose.push(listener),
      }
      decision.accept(socket)
    }

    #closed(code: number, reason: string, wasClean: boolean, error = false) {
      if (this.readyState === CLOSED) return
      const wasOpen = this.readyState !== CONNECTING
      this.readyState = CLOSED
      if (wasOpen) for (const listener of this.#serverClose) listener(code, reason)
      if (error || !wasClean) this.#emit(new Event('error'))
      this.#emit(Object.assign(new Event('close'), { code, reason, wasClean }))
    }

    send(data: string) {
      if (this.readyState === CONNECTING)
        throw new DOMException('Still connecting', 'InvalidStateError')
      if (this.readyState !== OPEN) return
      const text = String(data)
      later(() => {
        for (const listener of this.#serverMessage) listener(text)
      })
    }

    close(code = 1000, reason = '') {
      if (this.readyState === CLOSED || this.readyState === CLOSING) return
      if (this.readyState === CONNECTING) return this.#closed(1006, '', false)
      this.readyState = CLOSING
      later(() => this.#closed(code, reason, true))
    }
  }

  return { fetch: fakeFetch, WebSocket: FakeWebSocket as unknown as typeof WebSocket, baseUrl }
}
