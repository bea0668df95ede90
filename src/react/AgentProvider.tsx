import { useEffect, useState, type ReactNode } from 'react'
import type { Message } from '../core/protocol/types'
import type { AgentStore, AgentStoreOptions } from '../core/store/AgentStore'
import { createAgentStore } from '../core/store/createAgentStore'
import type { Agent } from '../core/transport/Agent'
import { AgentContext } from './AgentContext'

/** Props of {@link AgentProvider}: pass `agent` (the provider owns a store) or `store`. */
export interface AgentProviderProps {
  /** The agent; the provider creates a store for it once and destroys it on unmount. */
  agent?: Agent
  /** A store you created (and destroy) yourself; takes precedence over `agent`. */
  store?: AgentStore
  /** With `agent`: the thread id. Default: `crypto.randomUUID()`. */
  threadId?: string
  /** With `agent`: messages the thread starts with. */
  initialMessages?: Message[]
  /** With `agent`: agent state the thread starts with. */
  initialState?: unknown
  /**
   * With `agent`: any other {@link AgentStoreOptions} (`tools`, `context`, `initialInterrupts`,
   * `policyStore`, `autoFollowUp`, `maxFollowUps`, `autoResume`, `scheduler`, ...). Read once,
   * like the props above. Default: none.
   */
  options?: Omit<AgentStoreOptions, 'agent' | 'threadId' | 'initialMessages' | 'initialState'>
  children?: ReactNode
}

/** Destroys scheduled for stores whose provider unmounted; cancelled by a remount. */
const pendingDestroys = new WeakMap<AgentStore, ReturnType<typeof setTimeout>>()

/**
 * Provides one thread's {@link AgentStore} to the hooks below it.
 *
 * With `agent`, the store is created once, on first render (later changes of `agent`,
 * `threadId`, `initialMessages`, `initialState` or `options` are ignored: change the provider's `key` to
 * start over) and destroyed when the provider unmounts. Mounting starts no run and opens no
 * connection, so StrictMode's double render and double effects are harmless: the destroy is
 * deferred by one task and cancelled when StrictMode remounts at once.
 *
 * With `store`, the provider only shares it; you own its lifetime.
 *
 * @throws Error when neither `agent` nor `store` is given.
 * @example
 * <AgentProvider agent={new HttpAgent({ url: '/api/agent' })}><Chat /></AgentProvider>
 */
export function AgentProvider(props: AgentProviderProps): ReactNode {
  const [owned] = useState<AgentStore | null>(() =>
    props.store || !props.agent
      ? null
      : createAgentStore({
          ...props.options,
          agent: props.agent,
          ...(props.threadId !== undefined && { threadId: props.threadId }),
          ...(props.initialMessages !== undefined && { initialMessages: props.initialMessages }),
          ...(props.initialState !== undefined && { initialState: props.initialState }),
        }),
  )
  const store = props.store ?? owned
  if (!store) throw new Error('<AgentProvider> needs an `agent` or a `store` prop.')

  useEffect(() => {
    if (!owned) return
    const pending = pendingDestroys.get(owned)
    if (pending !== undefined) {
      clearTimeout(pending)
      pendingDestroys.delete(owned)
    }
    return () => {
      pendingDestroys.set(
        owned,
        setTimeout(() => {
          pendingDestroys.delete(owned)
          owned.destroy()
        }, 0),
      )
    }
  }, [owned])

  return <AgentContext.Provider value={store}>{props.children}</AgentContext.Provider>
}
