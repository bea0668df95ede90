import type { AgentEvent, Context, Message, Tool } from '../protocol/types'
import type { EventPipeline } from '../reducer'
import type { AgentSnapshot } from '../reducer/AgentSnapshot'
import type { Subscription } from '../transport/Agent'

/** What a run sends besides messages and state; kept for `retry()`. */
/** @internal */
export interface RunRequest {
  /** The thread as the run started (what `retry()` goes back to). */
  messages?: readonly Message[]
  /** The agent state the run started from (what `retry()` goes back to, with `messages`). */
  state?: unknown
  tools: Tool[]
  context: Context[]
  forwardedProps: unknown
}

/** The run in flight. */
/** @internal */
export interface ActiveRun {
  /** `RunAgentInput.runId` (or the run re-joined by `attach`). */
  runId: string
  /** The id of the last event consumed from a resumable stream (`RunOptions.onEventId`); 0: none. */
  lastEventId: number
  controller: AbortController
  /** Events the pipeline applied during the current `push` (after chunk expansion). */
  applied: AgentEvent[]
  pipeline: EventPipeline
  subscription?: Subscription
  done: boolean
  resolve: (snapshot: AgentSnapshot) => void
}
