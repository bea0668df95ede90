import type { Clock } from './Clock'

/** Options of {@link createHeartbeat}. */
export interface HeartbeatOptions {
  /** Time between pings, ms; 0 or less disables the heartbeat. */
  intervalMs: number
  /** Time a ping may go unanswered (no frame at all received) before `onTimeout`, ms. */
  timeoutMs: number
  clock: Clock
  /** Sends one ping; returns false when it could not be sent. */
  ping: () => boolean
  /** While true (a hidden page, whose timers browsers throttle), no timeout is judged. */
  isPaused: () => boolean
  /** No frame arrived within `timeoutMs` of a ping. */
  onTimeout: () => void
}

/** An app-level heartbeat; see {@link createHeartbeat}. */
export interface Heartbeat {
  /** Pings now, then every `intervalMs` (restarts the cycle). */
  start(): void
  /** A frame arrived: the connection is alive (cancels the pending timeout). */
  alive(): void
  /** Cancels the pending timeout only (the page was hidden); pings go on. */
  pause(): void
  /** Stops pinging. */
  stop(): void
}

/**
 * A ping/pong heartbeat: each ping arms a `timeoutMs` timer that any received frame cancels
 * (a busy stream proves the connection alive as well as a pong does); when it fires, the
 * connection is declared dead (`onTimeout`). A ping while a timeout is pending does not re-arm
 * it, so `intervalMs <= timeoutMs` works too. A first ping at `start()` also catches a server
 * that accepts a connection and then never sends anything.
 */
export function createHeartbeat(options: HeartbeatOptions): Heartbeat {
  const { clock } = options
  let pingTimer: unknown
  let timeoutTimer: unknown
  const clearTimeoutTimer = () => {
    clock.clearTimeout(timeoutTimer)
    timeoutTimer = undefined
  }
  const stop = () => {
    clock.clearTimeout(pingTimer)
    pingTimer = undefined
    clearTimeoutTimer()
  }
  const timedOut = () => {
    timeoutTimer = undefined
    options.onTimeout()
  }
  const beat = () => {
    // Only the ping timer restarts: a pending timeout keeps running, so an interval shorter than
    // the timeout cannot push the verdict back forever (a silent peer still times out).
    clock.clearTimeout(pingTimer)
    pingTimer = undefined
    if (options.intervalMs <= 0 || !options.ping()) return
    if (timeoutTimer === undefined && !options.isPaused()) {
      timeoutTimer = clock.setTimeout(timedOut, options.timeoutMs)
    }
    pingTimer = clock.setTimeout(beat, options.intervalMs)
  }
  const start = () => {
    stop()
    beat()
  }
  return { start, alive: clearTimeoutTimer, pause: clearTimeoutTimer, stop }
}
