import { createContext, useContext, type ReactNode } from 'react'
import type { ToolCallState } from '../react'
import { defaultChatLabels, type ChatLabels } from './ChatLabels'

/** What `<Chat />` shares with its parts. Parts used outside `<Chat />` get the defaults. */
export interface ChatContextValue {
  /** Resolved labels (defaults merged with `<Chat labels>`). */
  labels: ChatLabels
  /** `<Chat renderToolCall>`: return `undefined` to fall back to the default card. */
  renderToolCall?: (call: ToolCallState) => ReactNode | undefined
  /** Asks the message list to stick to the bottom again (the composer calls it after a send). */
  scrollToBottom: () => void
  /** The message list registers its scroll function here; returns an unregister function. */
  registerScrollToBottom: (scroll: () => void) => () => void
}

const defaultValue: ChatContextValue = {
  labels: defaultChatLabels,
  scrollToBottom: () => {},
  registerScrollToBottom: () => () => {},
}

/** React context behind {@link useChatContext}; provided by `<Chat />`. */
export const ChatContext = createContext<ChatContextValue>(defaultValue)

/** Reads the nearest {@link ChatContextValue} (defaults outside `<Chat />`). */
export function useChatContext(): ChatContextValue {
  return useContext(ChatContext)
}
