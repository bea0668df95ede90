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
    initialResume: thread.resume,
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
 * (`store.toPersisted()`) on every change between runs and when a run starts or ends.
 * So a reload keeps a pending approval or an open interrupt, and one in the middle of a run
 * re-joins that run (`store.attach`).
 */
export function useDemoThread(agent: Agent): DemoThread {
  const [initial] = useState(loadThread)
  const [store, setStore] = useState(() => storeFor(agent, initial))
  useEffect(() => {
    // A run was streaming when the page went away: re-join it (issue 6). A second call (StrictMode)
    // finds the store busy and does nothing.
    if (initial.activeRun && store.getSnapshot().run.status === 'idle') {
      void store.attach(initial.activeRun.runId)
    }
  }, [initial, store])
  useEffect(() => {
    let status = store.getSnapshot().run.status
    let interrupts = store.getSnapshot().interrupts
    // Saved on every change between runs, when a run starts or ends and when interrupts change;
    // not per token (mid-run, what is saved is the thread as the run found it plus the run id,
    // which tokens do not change).
    const save = () => saveThread(store)
    return store.subscribe(() => {
      const snapshot = store.getSnapshot()
      const moved = snapshot.run.status !== status || snapshot.interrupts !== interrupts
      if (snapshot.run.status === 'running' && !moved) return
      status = snapshot.run.status
      interrupts = snapshot.interrupts
      save()
    })
  }, [store])
  const startNewThread = () => {
    store.destroy()
    clearThread()
    setStore(storeFor(agent, newThread()))
  }
  return { store, startNewThread }
}
