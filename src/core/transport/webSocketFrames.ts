import { AgentError } from '../protocol/AgentError'
import type { RunAgentInput } from '../protocol/types'

/**
 * Client → server frames of the kit's WebSocket contract (one JSON object per text frame):
 * - `auth`: credentials, the first frame (with `authVia: 'frame'`);
 * - `run`: start a run;
 * - `stop`: cancel a run on the server (it ends with `RUN_FINISHED{outcome:{type:'cancelled'}}`);
 * - `resume`: re-join a run, replaying events after `lastEventId` (0: from the start = attach);
 * - `detach`: stop listening to a run; it goes on;
 * - `ping`: app-level heartbeat; the server answers `pong` with the same `ts` (ms).
 */
export type WebSocketClientFrame =
  | { type: 'auth'; token: string }
  | { type: 'run'; input: RunAgentInput }
  | { type: 'stop'; runId: string }
  | { type: 'resume'; threadId: string; runId: string; lastEventId: number }
  | { type: 'detach'; runId: string }
  | { type: 'ping'; ts: number }

/** Codes of a server `error` frame. */
export type WebSocketErrorFrameCode =
  'run_not_found' | 'replay_gap' | 'bad_frame' | 'busy' | 'auth_failed'

/**
 * Server → client frames: `event` (an AG-UI event of run `runId`, with its per-run sequence
 * `id` starting at 1), `error` (about a run, or the connection when `runId` is absent), `pong`,
 * and `end` (the run's stream is over, after its terminal event).
 */
export type WebSocketServerFrame =
  | { type: 'event'; runId: string; id: number; event: unknown }
  | {
      type: 'error'
      runId?: string
      code: WebSocketErrorFrameCode | (string & {})
      message?: string
      firstId?: number
    }
  | { type: 'pong'; ts?: number }
  | { type: 'end'; runId: string }

/** The outcome of {@link readServerFrame}. */
export type ReadFrameResult =
  { ok: true; frame: WebSocketServerFrame } | { ok: false; error: AgentError; fatal: boolean }

const encoder = new TextEncoder()
const excerpt = (text: string) => (text.length > 200 ? `${text.slice(0, 200)}…` : text)

/**
 * Reads one received WebSocket message (`MessageEvent.data`) as a server frame.
 * - a binary frame → `bad_frame`, not fatal (ignored with a diagnostic);
 * - text over `maxFrameBytes` (UTF-8 bytes) → `limit_exceeded`, fatal;
 * - text that is not JSON → `invalid_json`, fatal;
 * - JSON that is not a known envelope (unknown `type`, missing `runId`/`id`) → `bad_frame`, not
 *   fatal. The AG-UI event inside an `event` frame is validated later, per run.
 */
export function readServerFrame(data: unknown, maxFrameBytes: number): ReadFrameResult {
  if (typeof data !== 'string') {
    const size =
      (data as { byteLength?: number; size?: number } | null)?.byteLength ??
      (data as { size?: number } | null)?.size
    return {
      ok: false,
      fatal: false,
      error: new AgentError(
        'bad_frame',
        `A binary WebSocket frame${size === undefined ? '' : ` (${size} bytes)`} was received; the protocol uses JSON text frames. It was ignored.`,
      ),
    }
  }
  if (data.length * 3 > maxFrameBytes && encoder.encode(data).length > maxFrameBytes) {
    return {
      ok: false,
      fatal: true,
      error: new AgentError(
        'limit_exceeded',
        `A WebSocket frame of more than ${maxFrameBytes} bytes was received.`,
        { retryable: false },
      ),
    }
  }
  let raw: unknown
  try {
    raw = JSON.parse(data)
  } catch (error) {
    return {
      ok: false,
      fatal: true,
      error: new AgentError(
        'invalid_json',
        `A WebSocket frame is not JSON (${(error as Error).message}): ${excerpt(data)}`,
        {
          event: data.slice(0, 4096),
          cause: error,
        },
      ),
    }
  }
  const frame = raw as Record<string, unknown> | null
  const bad = (why: string) =>
    ({
      ok: false,
      fatal: false,
      error: new AgentError(
        'bad_frame',
        `A WebSocket frame was ignored: ${why}: ${excerpt(data)}`,
        { event: raw },
      ),
    }) as const
  if (typeof frame !== 'object' || frame === null || Array.isArray(frame))
    return bad('not a JSON object')
  switch (frame.type) {
    case 'event':
      if (typeof frame.runId !== 'string') return bad("an 'event' frame without a string runId")
      if (typeof frame.event !== 'object' || frame.event === null)
        return bad("an 'event' frame without an event object")
      return { ok: true, frame: frame as WebSocketServerFrame }
    case 'end':
      if (typeof frame.runId !== 'string') return bad("an 'end' frame without a string runId")
      return { ok: true, frame: frame as WebSocketServerFrame }
    case 'error':
      if (typeof frame.code !== 'string') return bad("an 'error' frame without a string code")
      return { ok: true, frame: frame as WebSocketServerFrame }
    case 'pong':
      return { ok: true, frame: frame as WebSocketServerFrame }
    default:
      return bad(`unknown frame type ${JSON.stringify(frame.type)}`)
  }
}
