import {
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactNode,
} from 'react'
import { useControllableState } from '../primitives/useControllableState'
import { Chat, type ChatProps } from './Chat'
import { resolveChatLabels } from './ChatLabels'

/** Props of {@link ChatPopup}: those of `<Chat />` plus the popup's own. */
export interface ChatPopupProps extends ChatProps {
  /** Controlled: the panel is open. */
  open?: boolean
  /** Initial `open` when uncontrolled. Default `false`. */
  defaultOpen?: boolean
  /** Called with every change of `open` (launcher, close button, Escape). */
  onOpenChange?: (open: boolean) => void
  /** Corner of the launcher and panel: `end` (default: bottom right in LTR) or `start`. */
  side?: 'start' | 'end'
  /** Panel heading. Default `labels.chatTitle` ("Chat"). */
  title?: ReactNode
  /** Content of the launcher button. Default: a chat bubble icon; its name is `labels.openChat`/`closeChat`. */
  launcher?: ReactNode
}

/** The chat bubble icon of the launcher (decorative). */
function BubbleIcon(): ReactNode {
  return (
    <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
      <path
        fill="currentColor"
        d="M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z"
      />
    </svg>
  )
}

/**
 * `<Chat />` in a floating panel opened by a launcher button in a corner of the page (issue 4).
 * Must be inside `AgentProvider`; the thread lives in the provider, so closing the panel
 * loses nothing (the panel stays mounted once opened, with its scroll position and draft).
 *
 * Accessibility: the launcher has `aria-expanded`, `aria-controls` (the panel) and
 * `aria-haspopup="dialog"`; the panel is a non-modal `role="dialog"` named by its heading. Opening
 * moves focus into the panel (the composer); Escape inside it (unless a part used it, e.g. to
 * close an edit form) or the close button closes it and returns focus to the launcher.
 *
 * Open state is controlled (`open` + `onOpenChange`) or not (`defaultOpen`). Styles:
 * `chatShell.css` (in `styles.css`): `--awr-popup-width` (default 400px), `--awr-popup-height`
 * (600px), logical insets so RTL mirrors. DOM: `div.awr-chat-popup[data-state="open|closed"]
 * [data-side]`.
 */
export function ChatPopup({
  open: openProp,
  defaultOpen = false,
  onOpenChange,
  side = 'end',
  title,
  launcher,
  ...chatProps
}: ChatPopupProps): ReactNode {
  const [open, setOpen] = useControllableState({
    prop: openProp,
    defaultProp: defaultOpen,
    onChange: onOpenChange,
  })
  const labels = useMemo(() => resolveChatLabels(chatProps.labels), [chatProps.labels])
  const id = useId()
  const panelId = `${id}panel`
  const titleId = `${id}title`
  const launcherRef = useRef<HTMLButtonElement>(null)
  const panelRef = useRef<HTMLDivElement>(null)
  // Mounted on first open, then kept (hidden) so the draft and scroll position survive.
  const [mounted, setMounted] = useState(open)
  if (open && !mounted) setMounted(true)
  const wasOpen = useRef(open)

  useEffect(() => {
    const opened = open && !wasOpen.current
    wasOpen.current = open
    if (!opened) return
    const panel = panelRef.current
    const target = panel?.querySelector<HTMLElement>('textarea:not([disabled])') ?? panel
    target?.focus()
  }, [open])

  const close = () => {
    setOpen(false)
    launcherRef.current?.focus()
  }

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'Escape' || event.defaultPrevented) return
    event.preventDefault()
    close()
  }

  return (
    <div
      className="awr-chat-popup"
      data-awr="chat-popup"
      data-state={open ? 'open' : 'closed'}
      data-side={side}
      data-theme={chatProps.theme}
    >
      {mounted ? (
        <div
          ref={panelRef}
          id={panelId}
          className="awr-chat-popup-panel"
          role="dialog"
          aria-labelledby={titleId}
          tabIndex={-1}
          hidden={!open}
          onKeyDown={onKeyDown}
        >
          <div className="awr-chat-shell-header">
            <h2 id={titleId} className="awr-chat-shell-title">
              {title ?? labels.chatTitle}
            </h2>
            <button
              type="button"
              className="awr-chat-shell-close"
              aria-label={labels.closeChat}
              onClick={close}
            >
              <span aria-hidden="true">×</span>
            </button>
          </div>
          <Chat {...chatProps} />
        </div>
      ) : null}
      <button
        ref={launcherRef}
        type="button"
        className="awr-chat-launcher"
        data-awr="chat-launcher"
        aria-label={open ? labels.closeChat : labels.openChat}
        aria-expanded={open}
        aria-controls={mounted ? panelId : undefined}
        aria-haspopup="dialog"
        onClick={() => setOpen(!open)}
      >
        {launcher ?? <BubbleIcon />}
      </button>
    </div>
  )
}
