import { useContext, useState, type ReactNode } from 'react'
import { AgentProvider, AgentStatusPage, EventInspector } from 'agent-wire-react'
import type { Agent, AgentCard, AgentStatusSource } from 'agent-wire-react/core'
import { SendOnMount } from '../support/SendOnMount'
import { StoryThemeContext } from '../support/StoryFrame'

/** Props of {@link StatusStory}. */
export interface StatusStoryProps {
  /** Creates the story's (scripted) agent, once per mount. */
  createAgent: () => Agent
  /** Sent as the user's message on mount, starting the first run. Default: none. */
  prompt?: string
  /** The app's card for the agent. */
  card?: AgentCard
  /** A remote status source (default: the agent's `statusSource`, if any). */
  source?: AgentStatusSource
  /** Poll interval of the source, ms. */
  pollMs?: number
  /** What "Open" on a pending decision calls. */
  onOpenDecision?: (id: string, kind: 'approval' | 'interrupt') => void
  /** `inspector`: the event inspector instead of the status page. Default `page`. */
  view?: 'page' | 'inspector'
  /** The inspector's export callback (instead of a download). */
  onExport?: (text: string) => void
}

/** A scrollable box around a tall story (focusable, as axe wants for scroll regions). */
export function Scroller({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div
      role="region"
      aria-label={label}
      tabIndex={0}
      style={{ flex: 1, minHeight: 0, overflow: 'auto' }}
    >
      {children}
    </div>
  )
}

/**
 * `<AgentStatusPage />` (or `<EventInspector />`) under an `AgentProvider` driven by a scripted
 * agent, themed by the toolbar; `prompt` starts the first run on mount.
 */
export function StatusStory({
  createAgent,
  prompt,
  card,
  source,
  pollMs,
  onOpenDecision,
  view = 'page',
  onExport,
}: StatusStoryProps) {
  const theme = useContext(StoryThemeContext)
  const [agent] = useState(createAgent)
  const forced = theme === 'system' ? undefined : theme
  return (
    <AgentProvider agent={agent} threadId="story-thread">
      {prompt !== undefined && <SendOnMount text={prompt} />}
      <Scroller label="Story">
        {view === 'page' ? (
          <AgentStatusPage
            {...(card && { card })}
            {...(source && { source })}
            {...(pollMs !== undefined && { pollMs })}
            {...(onOpenDecision && { onOpenDecision })}
            {...(forced && { theme: forced })}
          />
        ) : (
          <EventInspector {...(onExport && { onExport })} {...(forced && { theme: forced })} />
        )}
      </Scroller>
    </AgentProvider>
  )
}
