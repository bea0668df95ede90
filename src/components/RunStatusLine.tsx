import type { ReactNode } from 'react'
import * as RunStatus from '../primitives/runStatus'
import { useChatContext } from './ChatContext'

/** Props of {@link RunStatusLine}. */
export interface RunStatusLineProps {
  className?: string
}

/**
 * A one-line run status (`labels.runStatus[status]`, e.g. "Thinking…" while running), composed
 * from `RunStatus.Root`/`Spinner`/`Label` and CSS. Always rendered, with `data-status` set to the
 * `RunStatus`, so layouts do not jump; empty text for `idle`/`finished` by default. Not a live
 * region: completed replies and errors are announced elsewhere.
 */
export function RunStatusLine({ className }: RunStatusLineProps): ReactNode {
  const { labels } = useChatContext()
  return (
    <RunStatus.Root className={className ? `awr-run-status ${className}` : 'awr-run-status'}>
      <RunStatus.Spinner className="awr-spinner" />
      <RunStatus.Label labels={labels.runStatus} />
    </RunStatus.Root>
  )
}
