import { isAgentError } from '../core/protocol/AgentError'
import { parseRunAgentInput } from '../core/protocol/parseRunAgentInput'
import type { RunAgentInput } from '../core/protocol/types'

/**
 * Client → server frames of the WebSocket contract (README, "Resumable streams and
 * WebSocket"), one JSON object per text frame.
 */
export type ClientFrame =
  | { type: 'auth'; token: string }
  | { type: 'run'; input: RunAgentInput }
  | { type: 'stop'; runId: string }
  | { type: 'resume'; threadId?: string; runId: string; lastEventId: number }
  | { type: 'detach'; runId: string }
  | { type: 'ping'; ts?: number }

/** What {@link readClientFrame} made of a frame: the frame, or why it is a `bad_frame`. */
export type ReadClientFrameResult =
  { ok: true; frame: ClientFrame } | { ok: false; message: string; runId?: string }

const str = (value: unknown): value is string => typeof value === 'string' && value !== ''

/**
 * Parses and checks one received text frame. Never throws: JSON that is not an object, an
 * unknown `type`, a missing or mistyped field, or a `run` whose `input` is not a
 * `RunAgentInput` (validated like the HTTP endpoint's body) give `{ ok: false, message }`
 * (`runId` set when the frame named one).
 * @internal
 */
export function readClientFrame(text: string): ReadClientFrameResult {
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch (error) {
    return { ok: false, message: `The frame is not JSON: ${(error as Error).message}` }
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return { ok: false, message: 'The frame is not a JSON object.' }
  const f = raw as Record<string, unknown>
  const runId = str(f.runId) ? f.runId : undefined
  const bad = (message: string): ReadClientFrameResult =>
    runId === undefined ? { ok: false, message } : { ok: false, message, runId }
  switch (f.type) {
    case 'auth':
      return str(f.token)
        ? { ok: true, frame: { type: 'auth', token: f.token } }
        : bad("An 'auth' frame needs a non-empty string 'token'.")
    case 'run': {
      try {
        return { ok: true, frame: { type: 'run', input: parseRunAgentInput(f.input) } }
      } catch (error) {
        if (!isAgentError(error)) throw error
        const inputRunId = (f.input as { runId?: unknown } | null)?.runId
        const message = `The 'run' frame's input is not a RunAgentInput: ${error.message}`
        return str(inputRunId) ? { ok: false, message, runId: inputRunId } : bad(message)
      }
    }
    case 'stop':
    case 'detach':
      return runId === undefined
        ? bad(`A '${f.type}' frame needs a string 'runId'.`)
        : { ok: true, frame: { type: f.type, runId } }
    case 'resume': {
      const { lastEventId = 0, threadId } = f
      if (runId === undefined) return bad("A 'resume' frame needs a string 'runId'.")
      if (!Number.isSafeInteger(lastEventId) || (lastEventId as number) < 0)
        return bad("A 'resume' frame's 'lastEventId' must be an integer >= 0.")
      if (threadId !== undefined && typeof threadId !== 'string')
        return bad("A 'resume' frame's 'threadId' must be a string.")
      return {
        ok: true,
        frame: { type: 'resume', runId, lastEventId: lastEventId as number, threadId },
      }
    }
    case 'ping':
      if (f.ts !== undefined && typeof f.ts !== 'number')
        return bad("A 'ping' frame's 'ts' must be a number (ms).")
      return { ok: true, frame: { type: 'ping', ts: f.ts } }
    default:
      return bad(`Unknown frame type ${JSON.stringify(f.type)}.`)
  }
}
