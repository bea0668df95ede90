import { createContext } from 'react'
import type { AgentStore } from '../core/store/AgentStore'

/**
 * The React context that carries the {@link AgentStore} of the nearest {@link AgentProvider}.
 * `null` outside a provider. Prefer the hooks; read it directly only to bridge other renderers.
 */
export const AgentContext = createContext<AgentStore | null>(null)
AgentContext.displayName = 'AgentContext'
