import { createContext, useContext } from 'react'
import type { Message } from '../../core/protocol/types'

/** Whether a message is still arriving (`streaming`) or done (`complete`). */
export type MessageStatus = 'streaming' | 'complete'

/** What `Message.Root` shares with its parts; read it with {@link useMessageContext}. */
export interface MessageContextValue {
  /** The message, as the store holds it now. */
  message: Message
  /** `streaming` while its text or reasoning is arriving (`useIsStreaming`), else `complete`. */
  status: MessageStatus
}

/** React context of the Message parts. */
export const MessageContext = createContext<MessageContextValue | null>(null)

/**
 * The context of the nearest `Message.Root`, for custom parts.
 * @throws Error naming the part when used outside a Root.
 */
export function useMessageContext(part = 'useMessageContext'): MessageContextValue {
  const value = useContext(MessageContext)
  if (!value) throw new Error(`<Message.${part}> must be used inside <Message.Root>.`)
  return value
}
