import type { AgentError } from '../protocol/AgentError'

/**
 * The state of an agent's connection to its server (issue 6, "Connection state"), for status
 * pages and banners:
 * - `idle`: no connection and none needed (no run in flight, or not connected yet);
 * - `connecting`: opening a connection (WebSocket handshake, HTTP request sent);
 * - `open`: connected; `latencyMs` is the last heartbeat round trip (WebSocket ping → pong), ms;
 * - `reconnecting`: the connection dropped; attempt number `attempt` (1-based) starts in
 *   `nextRetryMs` ms (backoff), `error` is why it dropped; `waitingFor: 'online'` when the
 *   browser is offline (the attempt starts at the `online` event instead);
 * - `closed`: closed for good; `error` says why (none after a normal close);
 * - `auth_required`: the server refused the credentials (close 1008/4003); `onAuthRequired`
 *   was called, or the app should ask for new ones.
 *
 * A state object is immutable; a change produces a new one, so `getConnectionState()` may be
 * used as a `useSyncExternalStore` snapshot.
 */
export type ConnectionState =
  | { status: 'idle' }
  | { status: 'connecting' }
  | { status: 'open'; latencyMs?: number }
  | {
      status: 'reconnecting'
      attempt: number
      nextRetryMs: number
      error?: AgentError
      waitingFor?: 'online'
    }
  | { status: 'closed'; error?: AgentError }
  | { status: 'auth_required'; error?: AgentError }

/** The `status` values of {@link ConnectionState}. */
export type ConnectionStatus = ConnectionState['status']

/** Holds a {@link ConnectionState} and notifies listeners of changes (internal to transports). */
export interface ConnectionStateHolder {
  get(): ConnectionState
  /** Replaces the state and notifies every listener (no-op when `next` is the current object). */
  set(next: ConnectionState): void
  subscribe(listener: (state: ConnectionState) => void): () => void
}

const IDLE: ConnectionState = { status: 'idle' }

/** Creates a {@link ConnectionStateHolder}, starting `idle`. Listener errors are reported asynchronously. */
export function createConnectionStateHolder(): ConnectionStateHolder {
  let state = IDLE
  const listeners = new Set<(state: ConnectionState) => void>()
  return {
    get: () => state,
    set(next) {
      if (next === state) return
      state = next
      for (const listener of [...listeners]) {
        try {
          listener(next)
        } catch (error) {
          setTimeout(() => {
            throw error
          })
        }
      }
    },
    subscribe(listener) {
      const wrapped = (s: ConnectionState) => listener(s)
      listeners.add(wrapped)
      return () => void listeners.delete(wrapped)
    },
  }
}
