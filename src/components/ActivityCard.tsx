import type { ReactNode } from 'react'
import type { ActivityMessage } from '../core/protocol/types'
import { formatJson } from '../primitives/formatJson'
import * as Message from '../primitives/message'
import { useChatContext } from './ChatContext'

/** Props of {@link ActivityCard}. */
export interface ActivityCardProps {
  /** The `activity` message (spec 1.1 "Activity"); updated live by `ACTIVITY_DELTA`. */
  message: ActivityMessage
}

/**
 * The styled activity card (issue 4): `activityType` (or `labels.activity`) as its title and
 * the activity's JSON content, pretty-printed in a focusable, scrollable block; it follows
 * `ACTIVITY_SNAPSHOT`/`ACTIVITY_DELTA` live. Composed from `Message.Activity`, so it renders
 * inside a `Message.Root` (as `ChatMessage` does).
 */
export function ActivityCard({ message }: ActivityCardProps): ReactNode {
  const { labels } = useChatContext()
  return (
    <Message.Activity className="awr-activity-card">
      <div className="awr-activity-type">{message.activityType || labels.activity}</div>
      <pre className="awr-code-block" tabIndex={0}>
        <code className="language-json">{formatJson(message.content)}</code>
      </pre>
    </Message.Activity>
  )
}
