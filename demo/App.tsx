import { useState, type ReactNode } from 'react'
import { AgentProvider, Chat } from '../src/index'
import { HttpAgent } from '../src/core/index'
import { StatePanel } from './StatePanel'

/**
 * The demo page: the styled `<Chat />` talking to the demo agent at `/api/agent` over SSE,
 * beside a panel with the run status and the shared state (the agent's task list).
 */
export function App(): ReactNode {
  const [agent] = useState(() => new HttpAgent({ url: '/api/agent' }))
  return (
    <AgentProvider agent={agent}>
      <div className="demo-layout">
        <header className="demo-header">
          <h1>agent-wire-react</h1>
          <p>
            A React chat on the AG-UI protocol, talking to a deterministic demo agent. Try “add buy
            oat milk”.
          </p>
        </header>
        <main className="demo-chat">
          <Chat emptyState="Say hello, or ask the agent to add a task." />
        </main>
        <StatePanel />
      </div>
    </AgentProvider>
  )
}
