import { useEffect, useState } from 'react'
import { createAgentStore, type Agent, type AgentStore } from '../src/core/index'
import {
  clearThread,
  loadThread,
  newThread,
  saveThread,
  type PersistedThread,
} from './threadStorage'

function storeFor(agent: Agent, thread: PersistedThread): AgentStore {
  return createAgentStore({
    agent,
    threadId: thread.threadId,
    initialMessages: thread.messages,
    ...(thread.state !== undefined && { initialState: thread.state }),
    initialInterrupts: thread.interrupts,
  })
}

/** What {@link useDemoThread} returns. */
export interface DemoThread {
  /** The store of the current thread (pass it to `AgentProvider`). */
  store: AgentStore
  /** Forgets the saved thread and starts a new, empty one. */
  startNewThread: () => void
}

/**
 * The demo's thread, kept in localStorage (see `threadStorage`): the store starts from the
 * saved messages, state and unanswered interrupts (`initialMessages`, `initialState`,
 * `initialInterrupts`; pending approvals are rebuilt from them), and the thread is saved
 * whenever a published snapshot is not mid-run. So a reload keeps a pending approval or an
 * open interrupt.
 */
export function useDemoThread(agent: Agent): DemoThread {
  const [store, setStore] = useState(() => storeFor(agent, loadThread()))
  useEffect(
    () =>
      store.subscribe(() => {
        const snapshot = store.getSnapshot()
        if (snapshot.run.status !== 'running') saveThread(snapshot)
      }),
    [store],
  )
  const startNewThread = () => {
    store.destroy()
    clearThread()
    setStore(storeFor(agent, newThread()))
  }
  return { store, startNewThread }
}
