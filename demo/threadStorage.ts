import type { AgentStore, Interrupt, Message, ResumeEntry } from '../src/core/index'

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
  /** Answers staged on those interrupts but not sent yet (restored with `initialResume`). */
  resume?: ResumeEntry[]
  /** The run that was streaming when the page went away: re-joined with `store.attach`. */
  activeRun?: { runId: string }
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
 * Saves the thread of `store` (`store.toPersisted()`): messages, state, the interrupts still
 * waiting for an answer (not those a resume run already sent) and, mid-run, the thread as the
 * run found it plus `activeRun`, so a reload re-joins the run instead of losing it.
 */
export function saveThread(store: AgentStore): void {
  const saved = store.toPersisted()
  const sent = new Set(
    store
      .getSnapshot()
      .interrupts.filter((i) => i.state === 'resolved')
      .map((i) => i.id),
  )
  const thread: PersistedThread = {
    version: 1,
    ...saved,
    interrupts: saved.interrupts.filter((i) => !sent.has(i.id)),
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
