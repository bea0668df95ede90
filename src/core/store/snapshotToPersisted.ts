import type { Interrupt, Message } from '../protocol/types'
import type { AgentSnapshot, InterruptView } from '../reducer/AgentSnapshot'

/**
 * What to save to restore a thread after a reload: pass it back as
 * `createAgentStore({ threadId, initialMessages: messages, initialState: state,
 * initialInterrupts: interrupts })`. Plain JSON (safe for `JSON.stringify`).
 */
export interface PersistedThread {
  threadId: string
  messages: Message[]
  state: unknown
  /** Interrupts not yet answered by a finished resume run, as the protocol sent them. */
  interrupts: Interrupt[]
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
 * state and the thread's interrupts (restored `open`; staged answers are not kept).
 *
 * @example
 * localStorage.setItem('thread', JSON.stringify(snapshotToPersisted(store.getSnapshot())))
 * const saved: PersistedThread = JSON.parse(localStorage.getItem('thread')!)
 * createAgentStore({ agent, threadId: saved.threadId, initialMessages: saved.messages,
 *   initialState: saved.state, initialInterrupts: saved.interrupts })
 */
export function snapshotToPersisted(snapshot: AgentSnapshot): PersistedThread {
  return {
    threadId: snapshot.threadId,
    messages: [...snapshot.messages],
    state: snapshot.state,
    interrupts: snapshot.interrupts.map(toInterrupt),
  }
}
