import type { AgentSnapshot, Interrupt, Message } from '../src/core/index'

/** localStorage key of the demo's persisted thread. */
export const THREAD_KEY = 'awr-demo:thread'

/** What the demo keeps of a thread across reloads. */
export interface PersistedThread {
  version: 1
  threadId: string
  messages: Message[]
  state: unknown
  /** The interrupts not answered yet (plain AG-UI `Interrupt`s, restored `open`). */
  interrupts: Interrupt[]
}

/** A new, empty thread with a fresh id. */
export function newThread(): PersistedThread {
  return {
    version: 1,
    threadId: crypto.randomUUID(),
    messages: [],
    state: undefined,
    interrupts: [],
  }
}

/** The thread saved in localStorage, or a new one when none (or an unreadable one) is stored. */
export function loadThread(): PersistedThread {
  try {
    const raw = localStorage.getItem(THREAD_KEY)
    const saved = raw ? (JSON.parse(raw) as Partial<PersistedThread>) : undefined
    if (
      saved?.version === 1 &&
      typeof saved.threadId === 'string' &&
      Array.isArray(saved.messages) &&
      Array.isArray(saved.interrupts)
    )
      return saved as PersistedThread
  } catch {
    // unreadable: start over
  }
  return newThread()
}

/**
 * Saves the thread of `snapshot`: messages, state and the interrupts still waiting for an
 * answer (`open`, `answered`, `cancelled` or `expired`; not those a resume run already sent),
 * stripped of the store's view fields.
 */
export function saveThread(snapshot: AgentSnapshot): void {
  const interrupts: Interrupt[] = snapshot.interrupts
    .filter((i) => i.state !== 'resolved')
    .map(
      ({ state: _state, expiresAtMs: _ms, response: _response, error: _error, ...interrupt }) =>
        interrupt,
    )
  const thread: PersistedThread = {
    version: 1,
    threadId: snapshot.threadId,
    messages: [...snapshot.messages],
    state: snapshot.state,
    interrupts,
  }
  try {
    localStorage.setItem(THREAD_KEY, JSON.stringify(thread))
  } catch {
    // storage full or disabled: the thread just will not survive a reload
  }
}

/** Forgets the saved thread. */
export function clearThread(): void {
  localStorage.removeItem(THREAD_KEY)
}
