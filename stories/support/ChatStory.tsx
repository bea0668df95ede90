import { useContext, useState, type ReactNode } from 'react'
import { AgentProvider, Chat, type AgentProviderProps, type ChatProps } from 'agent-wire-react'
import type { Agent, ContentPart, Message } from 'agent-wire-react/core'
import { SendOnMount } from './SendOnMount'
import { StoryThemeContext } from './StoryFrame'

/** Props of {@link ChatStory}. */
export interface ChatStoryProps {
  /** Creates the story's (scripted) agent, once per mount. */
  createAgent: () => Agent
  /** Sent as the user's message on mount, starting the first run. Default: none (type it). */
  prompt?: string | ContentPart[]
  /** Messages the thread starts with. */
  initialMessages?: Message[]
  /** Other store options (`initialInterrupts`, ...). */
  options?: AgentProviderProps['options']
  /** Rendered inside the provider before the chat: tool registrations (`useFrontendTool`...). */
  tools?: ReactNode
  /** Props of `<Chat />` (the theme comes from the toolbar). */
  chat?: Omit<ChatProps, 'theme'>
}

/** `<Chat />` under an `AgentProvider` driven by a scripted agent, themed by the toolbar. */
export function ChatStory({
  createAgent,
  prompt,
  initialMessages,
  options,
  tools,
  chat,
}: ChatStoryProps) {
  const theme = useContext(StoryThemeContext)
  const [agent] = useState(createAgent)
  return (
    <AgentProvider
      agent={agent}
      threadId="story-thread"
      initialMessages={initialMessages}
      options={options}
    >
      {tools}
      {prompt !== undefined && <SendOnMount text={prompt} />}
      <Chat {...chat} theme={theme === 'system' ? undefined : theme} />
    </AgentProvider>
  )
}
