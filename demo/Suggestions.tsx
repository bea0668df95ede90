import type { ReactNode } from 'react'
import { useAgentRun } from '../src/index'

/** What the demo agent understands, as one-click messages (see `createDemoAgent`). */
export const SUGGESTIONS: ReadonlyArray<{ text: string; what: string }> = [
  { text: 'add buy oat milk', what: 'a backend tool, shared state, markdown' },
  {
    text: 'delete all done tasks and email the report',
    what: 'two approvals: approve, deny or edit',
  },
  { text: 'switch to dark mode', what: 'a frontend tool the page runs' },
  { text: 'notify me that the demo works', what: 'another frontend tool' },
  { text: 'book a meeting', what: 'a form the agent asks for, expiring in 2 minutes' },
  { text: 'book a meeting that expires in 10 seconds', what: 'watch it expire' },
]

/** The demo's suggestions: buttons that send a message the demo agent recognises. */
export function Suggestions(): ReactNode {
  const { sendMessage, isRunning } = useAgentRun()
  return (
    <ul className="demo-suggestions" aria-label="Try">
      {SUGGESTIONS.map(({ text, what }) => (
        <li key={text}>
          <button type="button" disabled={isRunning} onClick={() => void sendMessage(text)}>
            {text}
          </button>
          <span className="demo-muted"> {what}</span>
        </li>
      ))}
    </ul>
  )
}
