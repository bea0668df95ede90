import type { ReactNode } from 'react'
import type { CopyState } from '../primitives/useCopyToClipboard'
import type { ChatLabels } from './ChatLabels'

/** The visible text of a copy button in `state`: `labels.copy`, `copied` or `copyFailed`. */
export function copyLabel(labels: ChatLabels, state: CopyState): string {
  if (state === 'copied') return labels.copied
  return state === 'failed' ? labels.copyFailed : labels.copy
}

/**
 * A visually hidden `role="status"` next to a copy button: says "Copied" (or "Copy failed")
 * while the button shows it, so screen readers hear the result of the click.
 */
export function CopyStatus({ labels, state }: { labels: ChatLabels; state: CopyState }): ReactNode {
  return (
    <span className="awr-visually-hidden" role="status">
      {state === 'idle' ? '' : copyLabel(labels, state)}
    </span>
  )
}
