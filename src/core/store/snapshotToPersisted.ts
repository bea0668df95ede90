import type { Interrupt, Message, ResumeEntry } from '../protocol/types'
import type { AgentSnapshot, InterruptView } from '../reducer/AgentSnapshot'

/**
 * What to save to restore a thread after a reload: pass it back as
 * `createAgentStore({ threadId, initialMessages: messages, initialState: state,
 * initialInterrupts: interrupts, initialResume: resume })`. Plain JSON (safe for `JSON.stringify`).
 */
export interface PersistedThread {
  threadId: string
  messages: Message[]
  state: unknown
  /** Interrupts not yet answered by a finished resume run, as the protocol sent them. */
  interrupts: Interrupt[]
  /**
   * Answers and cancellations staged on those interrupts but not sent yet (the person answered
   * one of several); restore them with `createAgentStore({ initialResume })`. Absent when none.
   */
  resume?: ResumeEntry[]
  /**
   * The run that was streaming (or detached) when the thread was saved (from
   * `store.toPersisted()`); `messages` and `state` are then the thread as that run found it, so
   * `store.attach(activeRun.runId)` on the restored store replays the run from its first event
   * without applying anything twice (issue 6, "Stop vs detach").
   */
  activeRun?: { runId: string }
}

function toInterrupt(view: InterruptView): Interrupt {
  const { state: _s, expiresAtMs: _e, response: _r, error: _x, ...interrupt } = view
  return interrupt
}

/**
 * The part of a snapshot an app persists to survive a reload (issue 3): messages (pending
 * approvals are rebuilt from tool calls without a result once their tools are registered),
 * state, the thread's interrupts (restored `open`) and the answers staged on them but not sent
 * yet (`resume`, restored staged; one whose deadline passed meanwhile is refused).
 *
 * @example
 * localStorage.setItem('thread', JSON.stringify(snapshotToPersisted(store.getSnapshot())))
 * const saved: PersistedThread = JSON.parse(localStorage.getItem('thread')!)
 * createAgentStore({ agent, threadId: saved.threadId, initialMessages: saved.messages,
 *   initialState: saved.state, initialInterrupts: saved.interrupts, initialResume: saved.resume })
 */
export function snapshotToPersisted(snapshot: AgentSnapshot): PersistedThread {
  const resume = snapshot.interrupts.flatMap((view) =>
    (view.state === 'answered' || view.state === 'cancelled') && view.response
      ? [view.response]
      : [],
  )
  return {
    threadId: snapshot.threadId,
    messages: [...snapshot.messages],
    state: snapshot.state,
    interrupts: snapshot.interrupts.map(toInterrupt),
    ...(resume.length > 0 && { resume }),
  }
}
