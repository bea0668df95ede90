import type { ReactNode } from 'react'
import type { ReasoningMessage } from '../core/protocol/types'
import * as Message from '../primitives/message'
import { useChatContext } from './ChatContext'

/** Props of {@link ReasoningDisclosure}. */
export interface ReasoningDisclosureProps {
  /** The `reasoning` message (spec 1.1 "Reasoning"); its `content` grows while it streams. */
  message: ReasoningMessage
}

/**
 * The styled reasoning block (issue 4): a `<details class="awr-reasoning">` collapsed by default
 * whose summary is `labels.reasoning`; the text streams in live (open it while it streams to
 * read along). Composed from `Message.Reasoning`, so it renders inside a `Message.Root` (as
 * `ChatMessage` does).
 */
export function ReasoningDisclosure({ message }: ReasoningDisclosureProps): ReactNode {
  const { labels } = useChatContext()
  return (
    <Message.Reasoning className="awr-reasoning" summary={labels.reasoning}>
      <div className="awr-reasoning-body">{message.content}</div>
    </Message.Reasoning>
  )
}
