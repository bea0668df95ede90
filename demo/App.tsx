import { useState, type ReactNode } from 'react'
import { AgentProvider, Chat } from '../src/index'
import { DemoTabs } from './DemoTabs'
import { DemoTools } from './DemoTools'
import { StatePanel } from './StatePanel'
import { Suggestions } from './Suggestions'
import { createDemoTransportAgent } from './SwitchableAgent'
import { TransportSwitch } from './TransportSwitch'
import { useDemoTheme } from './useDemoTheme'
import { useDemoThread } from './useDemoThread'

/**
 * The demo page: the styled `<Chat />` talking to the demo agent over SSE or WebSocket (see
 * `TransportSwitch`), beside a panel with the run status, the shared state and suggestions.
 * The thread (with pending approvals and open interrupts) survives a reload; "New thread"
 * starts over.
 */
export function App(): ReactNode {
  const [agent] = useState(createDemoTransportAgent)
  const { store, startNewThread } = useDemoThread(agent)
  const [theme, setTheme] = useDemoTheme()
  return (
    <AgentProvider key={store.getSnapshot().threadId} store={store}>
      <DemoTools onTheme={setTheme} />
      <div className="demo-layout">
        <header className="demo-header">
          <h1>agent-wire-react</h1>
          <p>
            A React chat on the AG-UI protocol, talking to a deterministic demo agent. Try “add buy
            oat milk”, or a suggestion on the right.
          </p>
          <button type="button" className="demo-new-thread" onClick={startNewThread}>
            New thread
          </button>
          <TransportSwitch agent={agent} />
        </header>
        <main className="demo-chat">
          <DemoTabs
            theme={theme}
            chat={<Chat theme={theme} emptyState="Say hello, or ask the agent to add a task." />}
          />
        </main>
        <StatePanel>
          <Suggestions />
        </StatePanel>
      </div>
    </AgentProvider>
  )
}
