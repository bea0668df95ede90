import { useRef, useState, type CSSProperties, type KeyboardEvent, type ReactNode } from 'react'
import { AgentStatusPage, EventInspector, useAgentStore } from '../src/index'
import { getEventLog } from '../src/core/status'

const TABS = ['Chat', 'Status', 'Inspector'] as const
type Tab = (typeof TABS)[number]

const tabList: CSSProperties = { display: 'flex', gap: 4, padding: '6px 12px 0' }
const panel: CSSProperties = { flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column' }
const scrolling: CSSProperties = { ...panel, overflow: 'auto' }

/**
 * The demo's Chat / Status / Inspector tabs (issue 5), in WAI-ARIA tabs markup (arrow keys move
 * between tabs). Every panel stays mounted (`hidden` when not selected; a shown panel's inline
 * `display` would override `hidden`, so only the shown one gets a style), so the chat keeps its
 * place and the status keeps following the run. The store's event log is created on first
 * render, before any run, so the inspector holds the whole session.
 */
export function DemoTabs({
  chat,
  theme,
}: {
  chat: ReactNode
  theme?: 'light' | 'dark'
}): ReactNode {
  const store = useAgentStore()
  getEventLog(store)
  const [tab, setTab] = useState<Tab>('Chat')
  const refs = useRef<Partial<Record<Tab, HTMLButtonElement | null>>>({})

  const onKeyDown = (event: KeyboardEvent) => {
    const i = TABS.indexOf(tab)
    const next =
      event.key === 'ArrowRight'
        ? TABS[(i + 1) % TABS.length]
        : event.key === 'ArrowLeft'
          ? TABS[(i + TABS.length - 1) % TABS.length]
          : undefined
    if (!next) return
    setTab(next)
    refs.current[next]?.focus()
  }
  const openDecision = (id: string) => {
    setTab('Chat')
    requestAnimationFrame(() =>
      document
        .querySelector(
          `[data-tool-call-id="${CSS.escape(id)}"], [data-interrupt-id="${CSS.escape(id)}"]`,
        )
        ?.scrollIntoView({ block: 'center' }),
    )
  }

  return (
    <>
      <div role="tablist" aria-label="View" style={tabList} onKeyDown={onKeyDown}>
        {TABS.map((t) => (
          <button
            key={t}
            ref={(el) => void (refs.current[t] = el)}
            type="button"
            role="tab"
            id={`demo-tab-${t}`}
            aria-controls={`demo-panel-${t}`}
            aria-selected={tab === t}
            tabIndex={tab === t ? 0 : -1}
            onClick={() => setTab(t)}
            style={{ fontWeight: tab === t ? 700 : 400 }}
          >
            {t}
          </button>
        ))}
      </div>
      <div
        role="tabpanel"
        id="demo-panel-Chat"
        aria-labelledby="demo-tab-Chat"
        hidden={tab !== 'Chat'}
        style={tab === 'Chat' ? panel : undefined}
      >
        {chat}
      </div>
      <div
        role="tabpanel"
        id="demo-panel-Status"
        aria-labelledby="demo-tab-Status"
        hidden={tab !== 'Status'}
        style={tab === 'Status' ? scrolling : undefined}
      >
        <AgentStatusPage
          card={{
            name: 'Demo agent',
            description: 'The deterministic demo agent served by this page (no API key).',
            url: '/api/agent',
            skills: [
              { name: 'tasks' },
              { name: 'approvals' },
              { name: 'meetings' },
              { name: 'themes' },
            ],
          }}
          onOpenDecision={openDecision}
          {...(theme && { theme })}
        />
      </div>
      <div
        role="tabpanel"
        id="demo-panel-Inspector"
        aria-labelledby="demo-tab-Inspector"
        hidden={tab !== 'Inspector'}
        style={tab === 'Inspector' ? scrolling : undefined}
      >
        <EventInspector {...(theme && { theme })} />
      </div>
    </>
  )
}
