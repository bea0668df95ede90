import type { ReactNode } from 'react'
import { useAgentRun } from '../react'
import { useChatContext } from './ChatContext'

/** Props of {@link RunStatusLine}. */
export interface RunStatusLineProps {
  className?: string
}

/**
 * A one-line run status (`labels.runStatus[status]`, e.g. "Thinking…" while running). Always
 * rendered, with `data-status` set to the `RunStatus`, so layouts do not jump; empty text for
 * `idle`/`finished` by default. Not a live region: completed replies and errors are announced
 * elsewhere.
 */
export function RunStatusLine({ className }: RunStatusLineProps): ReactNode {
  const { status } = useAgentRun()
  const { labels } = useChatContext()
  const text = labels.runStatus[status]
  return (
    <div
      className={className ? `awr-run-status ${className}` : 'awr-run-status'}
      data-awr="run-status"
      data-status={status}
    >
      {status === 'running' && <span className="awr-spinner" aria-hidden="true" />}
      {text}
    </div>
  )
}
