import { isAgentError } from '../protocol/AgentError'
import {
  createConnectionStateHolder,
  type ConnectionState,
  type ConnectionStateHolder,
} from './ConnectionState'

/** One run's part in {@link createRunConnectionTracker}. */
export interface RunConnection {
  /** This run's connection state (`connecting`, `open`, `reconnecting`). */
  set(state: ConnectionState): void
  /** The run ended; `error` (if any) decides the state left behind (see the tracker). */
  end(error?: unknown): void
}

/** Tracks the connection states of concurrent runs as one agent-level state. */
export interface RunConnectionTracker {
  readonly state: ConnectionStateHolder
  begin(): RunConnection
}

const IDLE: ConnectionState = { status: 'idle' }

/** The state a run leaves behind: `closed` after a transport failure, `auth_required` after 401/403. */
function finalState(error: unknown): ConnectionState {
  if (!isAgentError(error)) return IDLE
  if (error.code === 'http_error' && (error.status === 401 || error.status === 403))
    return { status: 'auth_required', error }
  const transport =
    error.code === 'network' ||
    error.code === 'truncated' ||
    error.code === 'connection_closed' ||
    error.code === 'rate_limited' ||
    (error.code === 'http_error' && (error.status ?? 0) >= 500)
  return transport ? { status: 'closed', error } : IDLE
}

/**
 * The connection state of a request-per-run transport (`HttpAgent`): while runs are in flight,
 * the most urgent of theirs (`reconnecting`, then `connecting`, then `open`); when none is, what
 * the last one left: `idle`, `closed` with its transport error, or `auth_required` (HTTP
 * 401/403).
 */
export function createRunConnectionTracker(): RunConnectionTracker {
  const holder = createConnectionStateHolder()
  const runs = new Map<number, ConnectionState>()
  let seq = 0
  let last = IDLE
  const recompute = () => {
    const states = [...runs.values()]
    const pick =
      states.findLast((s) => s.status === 'reconnecting') ??
      states.find((s) => s.status === 'connecting') ??
      states.find((s) => s.status === 'open') ??
      last
    holder.set(pick)
  }
  return {
    state: holder,
    begin() {
      const id = ++seq
      let ended = false
      return {
        set(state) {
          if (ended) return
          runs.set(id, state)
          recompute()
        },
        end(error) {
          if (ended) return
          ended = true
          runs.delete(id)
          last = finalState(error)
          recompute()
        },
      }
    },
  }
}
