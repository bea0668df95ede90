import type { ReactNode } from 'react'
import { useChatContext } from './ChatContext'
import type { HumanInTheLoopCards } from './preloadHumanInTheLoop'
import { useHumanInTheLoopCards } from './useHumanInTheLoopCards'

/** Props of {@link HumanInTheLoopLoader}. */
export interface HumanInTheLoopLoaderProps {
  /** What the placeholder stands for: `approval` (a card in the thread) or `interrupt`. */
  kind: 'approval' | 'interrupt'
  /** The placeholder's title, e.g. "Approval needed: get_weather" (the card's own title). */
  title: string
  /** Renders the loaded cards. */
  children: (cards: HumanInTheLoopCards) => ReactNode
}

/**
 * Renders `children(cards)` once the human-in-the-loop chunk is loaded (at once when it already
 * is; see `preloadHumanInTheLoop`). Until then a placeholder styled as the card it stands for
 * (`awr-tool-approval` / `awr-interrupt`, `data-awr="hitl-placeholder"`, `aria-busy`) shows the
 * card's title and a `role="status"` line (`labels.hitlLoading`); if the chunk cannot be loaded,
 * a `role="alert"` line (`labels.hitlLoadFailed`) and a Retry button (`labels.retry`). The store
 * is not touched: the approval or interrupt stays pending meanwhile.
 * @internal Used by `ToolCallItem` and `InterruptList`.
 */
export function HumanInTheLoopLoader({
  kind,
  title,
  children,
}: HumanInTheLoopLoaderProps): ReactNode {
  const { cards, error, retry } = useHumanInTheLoopCards()
  const { labels } = useChatContext()
  if (cards) return children(cards)
  return (
    <div
      className={kind === 'approval' ? 'awr-tool-approval' : 'awr-interrupt'}
      data-awr="hitl-placeholder"
      data-state={error ? 'failed' : 'loading'}
      aria-busy={error ? undefined : true}
    >
      <div className="awr-hitl-header">
        <span className="awr-hitl-title">{title}</span>
      </div>
      {error ? (
        <div className="awr-hitl-actions">
          <div className="awr-hitl-error" role="alert">
            {labels.hitlLoadFailed}
          </div>
          <button type="button" className="awr-button awr-button-secondary" onClick={retry}>
            {labels.retry}
          </button>
        </div>
      ) : (
        <div className="awr-hitl-status" role="status">
          {labels.hitlLoading}
        </div>
      )}
    </div>
  )
}
