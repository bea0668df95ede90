import type { UAgentsBridgeFrame } from '../../../core/adapters/uagents/uagentsChatTypes'

/** Options of {@link createBridgeSessions}. */
export interface BridgeSessionsOptions {
  /** Frames kept per session while no browser stream is open (oldest dropped first). */
  backlogLimit: number
  /** Interval of SSE keep-alive comments, ms (0: none). */
  keepAliveMs: number
}

/** The bridge's sessions: one SSE fan-out per session uuid, with a backlog while nobody listens. */
export interface BridgeSessions {
  /** An SSE `Response` for `session`: `ready`, then the backlog, then live frames. */
  open(session: string, signal: AbortSignal): Response
  /** Delivers a frame to the session's streams, or keeps it in its backlog. */
  push(session: string, frame: UAgentsBridgeFrame): void
  /** Sessions with at least one open stream. */
  openCount(): number
  /** Ends every stream. */
  close(): void
}

interface Session {
  streams: Set<(chunk: string) => void>
  backlog: UAgentsBridgeFrame[]
}

const encoder = new TextEncoder()
const sse = (frame: UAgentsBridgeFrame) => `data: ${JSON.stringify(frame)}\n\n`

/**
 * Creates the session registry of a uAgents bridge. A frame for a session nobody streams is
 * kept (up to `backlogLimit`) and delivered when the next stream opens, so replies that arrive
 * between two runs are not lost.
 */
export function createBridgeSessions(options: BridgeSessionsOptions): BridgeSessions {
  const sessions = new Map<string, Session>()
  const enders = new Set<() => void>()
  const get = (id: string) => {
    let s = sessions.get(id)
    if (!s) sessions.set(id, (s = { streams: new Set(), backlog: [] }))
    return s
  }
  const forget = (id: string) => {
    const s = sessions.get(id)
    if (s && s.streams.size === 0 && s.backlog.length === 0) sessions.delete(id)
  }

  return {
    open(id, signal) {
      const session = get(id)
      let write: ((chunk: string) => void) | undefined
      let timer: ReturnType<typeof setInterval> | undefined
      let end = () => {}
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          let closed = false
          end = () => {
            if (closed) return
            closed = true
            clearInterval(timer)
            if (write) session.streams.delete(write)
            enders.delete(end)
            forget(id)
            try {
              controller.close()
            } catch {
              // already cancelled
            }
          }
          write = (chunk) => {
            if (!closed) controller.enqueue(encoder.encode(chunk))
          }
          enders.add(end)
          write(sse({ kind: 'ready', session: id }))
          for (const frame of session.backlog.splice(0)) write(sse(frame))
          session.streams.add(write)
          if (options.keepAliveMs > 0)
            timer = setInterval(() => write?.(': keep-alive\n\n'), options.keepAliveMs)
          signal.addEventListener('abort', () => end(), { once: true })
        },
        cancel() {
          end()
        },
      })
      return new Response(body, {
        status: 200,
        headers: {
          'content-type': 'text/event-stream',
          'cache-control': 'no-cache',
          'x-accel-buffering': 'no',
        },
      })
    },
    push(id, frame) {
      const session = get(id)
      if (session.streams.size > 0) {
        for (const write of session.streams) write(sse(frame))
        return
      }
      session.backlog.push(frame)
      if (session.backlog.length > options.backlogLimit) session.backlog.shift()
    },
    openCount: () => [...sessions.values()].filter((s) => s.streams.size > 0).length,
    close() {
      for (const end of [...enders]) end()
    },
  }
}
