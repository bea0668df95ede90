import { forwardRef, useMemo, type HTMLAttributes } from 'react'
import type { Role } from '../../core/protocol/types'
import { useIsStreaming } from '../../react/useIsStreaming'
import { useMessage } from '../../react/useMessage'
import { Slot } from '../Slot'
import { MessageContext, type MessageContextValue } from './MessageContext'

/** Props of `Message.Root`. */
export interface MessageRootProps extends HTMLAttributes<HTMLElement> {
  /** `Message.id` of the message to render. */
  id: string
  /** Render the single child element instead of an `article`, with the Root's props merged in. */
  asChild?: boolean
  /** Accessible name per role (`aria-label`), e.g. `{ user: 'You', assistant: 'Assistant' }`. */
  roleLabels?: Partial<Record<Role, string>>
}

/**
 * One message of the thread, by id: subscribes to `useMessage(id)` and `useIsStreaming(id)` only,
 * so while a reply streams just that message re-renders. Renders nothing while the message does
 * not exist, and for `system`/`developer` messages (instructions, not conversation).
 *
 * DOM: `article[data-awr="message"][data-role][data-status="streaming|complete"]
 * [data-message-id]`, `aria-busy` while streaming. The `id` prop is not set as the DOM `id`.
 *
 * @throws Error naming `AgentProvider` when used outside one.
 */
export const Root = forwardRef<HTMLElement, MessageRootProps>(function Root(
  { id, asChild, roleLabels, children, ...rest },
  ref,
) {
  const message = useMessage(id)
  const streaming = useIsStreaming(id)
  const status = streaming ? 'streaming' : 'complete'
  const context = useMemo<MessageContextValue | undefined>(
    () => (message ? { message, status } : undefined),
    [message, status],
  )
  if (!context || !message || message.role === 'system' || message.role === 'developer') return null
  const Comp = asChild ? Slot : 'article'
  return (
    <MessageContext.Provider value={context}>
      <Comp
        aria-label={roleLabels?.[message.role]}
        {...rest}
        ref={ref}
        data-awr="message"
        data-role={message.role}
        data-status={status}
        data-message-id={id}
        aria-busy={streaming || undefined}
      >
        {children}
      </Comp>
    </MessageContext.Provider>
  )
})
