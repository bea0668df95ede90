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
 * connection is declared dead (`onTimeout`). A first ping at `start()` also catches a server
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
  const beat = () => {
    stop()
    if (options.intervalMs <= 0 || !options.ping()) return
    if (!options.isPaused()) timeoutTimer = clock.setTimeout(options.onTimeout, options.timeoutMs)
    pingTimer = clock.setTimeout(beat, options.intervalMs)
  }
  return { start: beat, alive: clearTimeoutTimer, pause: clearTimeoutTimer, stop }
}
