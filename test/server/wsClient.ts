import { WebSocket } from 'ws'

/** A server→client frame as received (JSON-parsed). */
export type Frame = { type: string; runId?: string; id?: number; code?: string } & Record<
  string,
  unknown
>

/** Test helper: a real `ws` client that records every frame and the close. */
export class TestSocket {
  readonly frames: Frame[] = []
  readonly closed: Promise<{ code: number; reason: string }>
  private waiters = new Set<() => void>()

  constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      this.frames.push(JSON.parse(data.toString()) as Frame)
      for (const w of [...this.waiters]) w()
    })
    this.closed = new Promise((resolve) =>
      ws.on('close', (code, reason) => {
        resolve({ code, reason: reason.toString() })
        for (const w of [...this.waiters]) w()
      }),
    )
  }

  /** Sends a frame: an object is JSON-encoded, a string or Buffer is sent as is. */
  send(frame: unknown): void {
    this.ws.send(
      typeof frame === 'string' || Buffer.isBuffer(frame) ? frame : JSON.stringify(frame),
    )
  }

  /** Resolves with the first recorded frame (from `from`) matching `predicate`. */
  async waitFor(predicate: (f: Frame) => boolean, timeoutMs = 3000, from = 0): Promise<Frame> {
    const deadline = Date.now() + timeoutMs
    for (;;) {
      const found = this.frames.slice(from).find(predicate)
      if (found) return found
      if (this.ws.readyState === WebSocket.CLOSED) throw new Error('waitFor: socket closed')
      const left = deadline - Date.now()
      if (left <= 0) throw new Error('waitFor: timed out')
      await new Promise<void>((resolve) => {
        const done = () => {
          this.waiters.delete(done)
          clearTimeout(timer)
          resolve()
        }
        const timer = setTimeout(done, left)
        this.waiters.add(done)
      })
    }
  }

  /** The `event` frames of `runId` received so far. */
  events(runId: string): Frame[] {
    return this.frames.filter((f) => f.type === 'event' && f.runId === runId)
  }

  /** Waits for `runId`'s `end` frame and returns its event frames. */
  async runToEnd(runId: string, timeoutMs = 3000): Promise<Frame[]> {
    await this.waitFor((f) => f.type === 'end' && f.runId === runId, timeoutMs)
    return this.events(runId)
  }

  close(): void {
    this.ws.close()
  }
}

/** Opens a `ws` connection (resolves once open, or rejects with the handshake error). */
export function connect(
  url: string,
  protocols: string[] = ['awr.v1'],
  options: ConstructorParameters<typeof WebSocket>[2] = {},
): Promise<TestSocket> {
  const ws = new WebSocket(url, protocols, options)
  const socket = new TestSocket(ws)
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(socket))
    ws.once('error', reject)
  })
}
