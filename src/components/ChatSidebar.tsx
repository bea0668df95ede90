import { useId, useMemo, type ReactNode } from 'react'
import { useControllableState } from '../primitives/useControllableState'
import { Chat, type ChatProps } from './Chat'
import { resolveChatLabels } from './ChatLabels'

/** Props of {@link ChatSidebar}: those of `<Chat />` plus the sidebar's own. */
export interface ChatSidebarProps extends ChatProps {
  /**
   * Edge the sidebar docks to: `end` (default: right in LTR, left in RTL) or `start`. Logical,
   * so a `dir="rtl"` page mirrors it.
   */
  side?: 'start' | 'end'
  /** Show the collapse toggle. Default `true`. */
  collapsible?: boolean
  /** Controlled: the sidebar is collapsed to its header rail. */
  collapsed?: boolean
  /** Initial `collapsed` when uncontrolled. Default `false`. */
  defaultCollapsed?: boolean
  onCollapsedChange?: (collapsed: boolean) => void
  /** Heading. Default `labels.chatTitle` ("Chat"). */
  title?: ReactNode
}

/**
 * `<Chat />` docked to one side of the viewport (issue 4): an `<aside>` landmark named by its
 * heading, full height, `--awr-sidebar-width` wide (default 380px). With `collapsible` (default)
 * a toggle (`aria-expanded`, `aria-controls`) collapses it to a narrow rail and back; the chat
 * stays mounted (hidden) so nothing is lost. Must be inside `AgentProvider`.
 *
 * Position: `position: fixed` at the `side` edge by default (`chatShell.css`, logical insets:
 * RTL mirrors). To keep it in the page flow, override `.awr-chat-sidebar { position: static }`.
 * DOM: `aside.awr-chat-sidebar[data-side][data-state="expanded|collapsed"]`.
 */
export function ChatSidebar({
  side = 'end',
  collapsible = true,
  collapsed: collapsedProp,
  defaultCollapsed = false,
  onCollapsedChange,
  title,
  ...chatProps
}: ChatSidebarProps): ReactNode {
  const [collapsedState, setCollapsed] = useControllableState({
    prop: collapsedProp,
    defaultProp: defaultCollapsed,
    onChange: onCollapsedChange,
  })
  const collapsed = collapsible && collapsedState
  const labels = useMemo(() => resolveChatLabels(chatProps.labels), [chatProps.labels])
  const id = useId()
  const bodyId = `${id}body`
  const titleId = `${id}title`
  return (
    <aside
      className="awr-chat-sidebar"
      data-awr="chat-sidebar"
      data-side={side}
      data-state={collapsed ? 'collapsed' : 'expanded'}
      data-theme={chatProps.theme}
      aria-labelledby={titleId}
    >
      <div className="awr-chat-shell-header">
        <h2 id={titleId} className="awr-chat-shell-title">
          {title ?? labels.chatTitle}
        </h2>
        {collapsible ? (
          <button
            type="button"
            className="awr-chat-shell-toggle"
            aria-expanded={!collapsed}
            aria-controls={bodyId}
            aria-label={collapsed ? labels.expandChat : labels.collapseChat}
            onClick={() => setCollapsed(!collapsed)}
          >
            <span
              aria-hidden="true"
              className="awr-chat-shell-chevron"
              data-point={(side === 'end') !== collapsed ? 'end' : 'start'}
            />
          </button>
        ) : null}
      </div>
      <div id={bodyId} className="awr-chat-sidebar-body" hidden={collapsed}>
        <Chat {...chatProps} />
      </div>
    </aside>
  )
}
