import { AgentError } from '../protocol/AgentError'
import type { Message, UserMessage } from '../protocol/types'
import { replaceMessages, replaceState } from '../reducer'
import type { AgentSnapshot } from '../reducer/AgentSnapshot'
import type { AgentRunOptions, AgentStore, ThreadEditOptions } from './AgentStore'

/** What {@link createThreadEdits} needs from the store. @internal */
export interface ThreadEditsHost {
  /** The store's current (possibly unpublished) snapshot. */
  get(): AgentSnapshot
  /** Replaces the current snapshot (not published; the run that follows publishes). */
  set(snapshot: AgentSnapshot): void
  /** True while a run streams or is detached, or after `destroy()`. */
  busy(): boolean
  /** `store.run`: appends `options.message` and starts the run. */
  run(options: AgentRunOptions): Promise<AgentSnapshot>
  /**
   * The agent state each user message was sent with, by message id (`store.run` records it);
   * none for messages the store did not send (e.g. `initialMessages`).
   */
  readonly statesSent: Map<string, unknown>
}

/** The store methods {@link createThreadEdits} returns (see `AgentStore.regenerate`). @internal */
export type ThreadEdits = Pick<AgentStore, 'regenerate' | 'editAndResend'>

const busyError = () =>
  new AgentError(
    'busy',
    'A run is in progress: stop it (or wait for it) before editing the thread.',
  )

function lastIndexOf(messages: readonly Message[], test: (m: Message) => boolean, from: number) {
  for (let i = from; i >= 0; i--) if (test(messages[i])) return i
  return -1
}

/**
 * Thread edits of the agent store (issue 4, "message actions"): regenerate a reply and
 * edit-and-resend a user message. Both cut the thread before a user message and start a run
 * with `store.run({ message })`, so they follow every rule of a new user message: owed tool
 * calls get a `cancelled` result, open interrupts are sent `cancelled` in `resume[]`, the
 * follow-up counter resets. The agent state goes back to the one that user message was sent with
 * (`statesSent`), unless the edit gives a `state`; a message the store did not send (restored
 * with `initialMessages`) keeps the current state.
 * @internal `createAgentStore` spreads the result into the store.
 */
export function createThreadEdits(host: ThreadEditsHost): ThreadEdits {
  /** Cuts the thread before `index`, back to the state it had then, and runs with `message`. */
  function rerun(index: number, message: UserMessage, options: ThreadEditOptions = {}) {
    const { statesSent } = host
    const snapshot = host.get()
    const cut = snapshot.messages.slice(index)
    const sentWith = cut[0].id
    let next = replaceMessages(snapshot, snapshot.messages.slice(0, index))
    if (statesSent.has(sentWith)) next = replaceState(next, statesSent.get(sentWith))
    for (const m of cut) statesSent.delete(m.id)
    host.set(next)
    return host.run({ ...options, message })
  }

  return {
    regenerate(messageId, options) {
      if (host.busy()) return busyError()
      const { messages } = host.get()
      const target =
        messageId === undefined
          ? lastIndexOf(messages, (m) => m.role === 'assistant', messages.length - 1)
          : messages.findIndex((m) => m.id === messageId)
      if (target === -1) {
        return new AgentError(
          'not_found',
          messageId === undefined
            ? 'The thread holds no assistant reply to regenerate.'
            : `The thread holds no message with id "${messageId}".`,
        )
      }
      const anchor = lastIndexOf(messages, (m) => m.role === 'user', target)
      if (anchor === -1) {
        return new AgentError(
          'not_found',
          `No user message precedes message "${messages[target].id}": nothing to re-run from.`,
        )
      }
      return rerun(anchor, messages[anchor] as UserMessage, options)
    },

    editAndResend(messageId, content, options) {
      if (host.busy()) return busyError()
      const { messages } = host.get()
      const index = messages.findIndex((m) => m.id === messageId)
      if (index === -1 || messages[index].role !== 'user') {
        return new AgentError(
          'not_found',
          `The thread holds no user message with id "${messageId}" to edit.`,
        )
      }
      const edited: UserMessage = {
        ...(messages[index] as UserMessage),
        id: crypto.randomUUID(),
        content,
      }
      return rerun(index, edited, options)
    },
  }
}
