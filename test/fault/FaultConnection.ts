import type { Socket } from 'node:net'
import type { ConnectionFaults, ConnectionHooks, CutMode, CutReason } from './ConnectionFaults'

export type {
  ConnectionFaults,
  ConnectionHooks,
  CutMode,
  CutReason,
  RequestFaults,
} from './ConnectionFaults'

const TICK_MS = 10
const HIGH_WATER = 64 * 1024

/**
 * One client↔server pair inside the fault proxy: forwards bytes both ways with backpressure,
 * and applies its {@link ConnectionFaults} (byte/time cuts, stall) and the proxy's throttle.
 */
export class FaultConnection {
  readonly index: number
  bytesDown = 0
  bytesUp = 0
  closed = false
  stalled = false
  readonly #client: Socket
  readonly #server: Socket
  readonly #faults: ConnectionFaults
  readonly #hooks: ConnectionHooks
  readonly #down: Buffer[] = []
  readonly #up: Buffer[] = []
  #queued = 0
  #serverEnded = false
  #clientEnded = false
  #timer: ReturnType<typeof setTimeout> | undefined
  #requestTimer: ReturnType<typeof setTimeout> | undefined
  #cutLimit: number | undefined
  #stallLimit: number | undefined
  #requests = 0
  #tail = Buffer.alloc(0)
  /** The cut offset was reached: forward what is queued, then cut. */
  #cutPending = false
  #answered = true
  #tick: ReturnType<typeof setInterval> | undefined
  /** Bytes the throttle allows now (a token bucket refilled every tick). */
  #tokens = 0
  #refilled = performance.now()
  #waitingDrain = false

  constructor(
    index: number,
    client: Socket,
    server: Socket,
    faults: ConnectionFaults,
    hooks: ConnectionHooks,
  ) {
    this.index = index
    this.#client = client
    this.#server = server
    this.#faults = faults
    this.#hooks = hooks
    client.setNoDelay(true)
    server.setNoDelay(true)
    client.on('data', (chunk: Buffer) => this.#fromClient(chunk))
    server.on('data', (chunk: Buffer) => this.#fromServer(chunk))
    client.on('end', () => {
      this.#clientEnded = true
      this.#flushUp()
    })
    server.on('end', () => {
      this.#serverEnded = true
      this.#flushDown()
    })
    const onGone = () => this.#close()
    client.on('error', onGone)
    server.on('error', onGone)
    client.on('close', onGone)
    server.on('close', () => {
      // Deliver what the server sent before it went away, then close.
      this.#serverEnded = true
      this.#flushDown()
    })
    this.#cutLimit = faults.cutAtByte
    this.#stallLimit = faults.stallAtByte
    if ((faults.armAtByte ?? 0) <= 0) this.#armTimeCut()
    if (faults.stallAtByte === 0) this.stall()
  }

  /** Starts the connection-wide time cut (once). */
  #armTimeCut() {
    if (this.#timer !== undefined || this.#faults.cutAfterMs === undefined) return
    this.#timer = setTimeout(() => this.cut('time'), this.#faults.cutAfterMs)
  }

  /** The current request was answered in full: its faults no longer apply. */
  #endRequest() {
    clearTimeout(this.#requestTimer)
    this.#cutLimit = this.#faults.cutAtByte
    this.#stallLimit = this.#faults.stallAtByte
  }

  /** A new request on this connection: re-plans the per-request faults from here. */
  #beginRequest(chunk: Buffer) {
    this.#answered = false
    const planned = this.#faults.perRequest?.(
      chunk.subarray(0, 256).toString('latin1'),
      this.#requests++,
    )
    const at = (relative: number | undefined, absolute: number | undefined) =>
      relative === undefined ? absolute : Math.min(absolute ?? Infinity, this.bytesDown + relative)
    this.#cutLimit = at(planned?.cutAtByte, this.#faults.cutAtByte)
    this.#stallLimit = at(planned?.stallAtByte, this.#faults.stallAtByte)
    clearTimeout(this.#requestTimer)
    if (planned?.cutAfterMs !== undefined)
      this.#requestTimer = setTimeout(() => this.cut('time'), planned.cutAfterMs)
    if (this.#stallLimit !== undefined && this.#stallLimit <= this.bytesDown) this.stall()
  }

  /** Destroys both sockets now (the client side per `cutMode`). False when already closed. */
  cut(reason: CutReason, mode: CutMode = this.#faults.cutMode ?? 'reset'): boolean {
    if (this.closed) return false
    this.#hooks.onCut(reason)
    this.#settle()
    this.#server.destroy()
    const client = this.#client
    const reset = () => {
      if (!client.destroyed) client.resetAndDestroy()
    }
    if (mode === 'end') {
      client.end()
      setTimeout(() => client.destroy(), 1000).unref()
    } else if (client.writableLength > 0) {
      // Let the bytes before the cut point reach the kernel, then reset.
      client.once('drain', reset)
      setTimeout(reset, 50).unref()
    } else {
      reset()
    }
    this.#hooks.onClose()
    return true
  }

  /** Stops forwarding both ways; the sockets stay open (a silent connection). */
  stall(): void {
    if (this.stalled || this.closed) return
    this.stalled = true
    this.#server.pause()
    this.#hooks.onStall()
  }

  /** Resumes forwarding after {@link stall}. */
  unstall(): void {
    if (!this.stalled || this.closed) return
    this.stalled = false
    this.#server.resume()
    this.#flushUp()
    this.#flushDown()
  }

  /** Starts or stops the throttle ticker (called when the proxy's throttle changes). */
  retune(): void {
    if (this.#hooks.throttle() !== null && !this.#tick && !this.closed) {
      this.#tick = setInterval(() => {
        const rate = this.#hooks.throttle()
        if (rate === null) return this.#flushDown()
        // Refill by elapsed time (timers run late on a busy machine), at most 50 ms worth.
        const now = performance.now()
        const elapsed = Math.min(now - this.#refilled, 50)
        this.#refilled = now
        this.#tokens = Math.min(this.#tokens + (rate * elapsed) / 1000, rate / 20)
        this.#flushDown()
      }, TICK_MS)
    }
    this.#flushDown()
  }

  #fromClient(chunk: Buffer) {
    if (this.closed) return
    if (this.#faults.perRequest && this.#answered) this.#beginRequest(chunk)
    this.bytesUp += chunk.length
    this.#hooks.onBytes('up', chunk.length)
    this.#up.push(chunk)
    this.#flushUp()
  }

  #flushUp() {
    if (this.closed || this.stalled) return
    while (this.#up.length > 0) this.#server.write(this.#up.shift()!)
    if (this.#clientEnded) this.#server.end()
  }

  #fromServer(chunk: Buffer) {
    if (this.closed || this.#cutPending) return
    this.#answered = true
    const cutAtByte = this.#cutLimit
    const stallAtByte = this.#stallLimit
    let cutNow = false
    let stallNow = false
    if (cutAtByte !== undefined && this.bytesDown + chunk.length >= cutAtByte) {
      chunk = chunk.subarray(0, Math.max(0, cutAtByte - this.bytesDown))
      cutNow = true
    }
    if (
      !this.stalled &&
      stallAtByte !== undefined &&
      this.bytesDown < stallAtByte &&
      this.bytesDown + chunk.length >= stallAtByte
    ) {
      const head = chunk.subarray(0, stallAtByte - this.bytesDown)
      const tail = chunk.subarray(head.length)
      this.#enqueueDown(head)
      this.#flushDown()
      this.stall()
      chunk = tail
      stallNow = true
    }
    this.#enqueueDown(chunk)
    if (this.#faults.isResponseEnd && !cutNow && !stallNow) {
      this.#tail = Buffer.concat([this.#tail, chunk.subarray(-16)]).subarray(-16)
      if (this.#faults.isResponseEnd(this.#tail)) this.#endRequest()
    }
    if (cutNow) {
      // Forward the bytes before the cut point (at the throttled pace, if any), then cut.
      this.#cutPending = true
      this.#server.pause()
    }
    if (!stallNow) this.#flushDown()
  }

  #enqueueDown(chunk: Buffer) {
    if (chunk.length === 0) return
    this.bytesDown += chunk.length
    if (this.bytesDown >= (this.#faults.armAtByte ?? 0)) this.#armTimeCut()
    this.#down.push(chunk)
    this.#queued += chunk.length
  }

  #flushDown() {
    if (this.closed || this.stalled) return
    const rate = this.#hooks.throttle()
    if (rate !== null && !this.#tick) this.retune()
    let budget = rate === null ? Infinity : Math.floor(this.#tokens)
    while (this.#down.length > 0 && budget > 0 && !this.#waitingDrain) {
      let chunk = this.#down[0]
      if (chunk.length > budget) {
        this.#down[0] = chunk.subarray(budget)
        chunk = chunk.subarray(0, budget)
      } else {
        this.#down.shift()
      }
      budget -= chunk.length
      if (rate !== null) this.#tokens -= chunk.length
      this.#queued -= chunk.length
      this.#hooks.onBytes('down', chunk.length)
      if (!this.#client.write(chunk)) {
        this.#waitingDrain = true
        this.#client.once('drain', () => {
          this.#waitingDrain = false
          this.#flushDown()
        })
      }
    }
    // Backpressure to the server: stop reading while the queue is long or the client is full.
    if (this.#queued > HIGH_WATER || this.#waitingDrain || this.#cutPending) this.#server.pause()
    else if (!this.stalled) this.#server.resume()
    if (this.#down.length === 0 && this.#cutPending) {
      if (!this.#waitingDrain) this.cut('byte')
      return
    }
    if (this.#down.length === 0 && this.#serverEnded) {
      this.#client.end()
      this.#close()
    }
  }

  /** Closes both sockets without counting a fault (proxy shutdown). */
  dispose(): void {
    this.#close()
  }

  #settle() {
    this.closed = true
    clearTimeout(this.#timer)
    clearTimeout(this.#requestTimer)
    clearInterval(this.#tick)
  }

  #close() {
    if (this.closed) return
    this.#settle()
    this.#server.destroy()
    if (!this.#client.writableEnded) this.#client.destroy()
    this.#hooks.onClose()
  }
}
