import { useState, type CSSProperties, type ReactNode } from 'react'
import {
  AgentProvider,
  ComposerPrimitive,
  ErrorBannerPrimitive,
  Message,
  RunStatus,
  Thread,
  ToolCall,
  type ComposerRootProps,
  type MessageContentComponents,
  type ThreadMessageProps,
} from 'agent-wire-react'
import type { Agent, Message as AgMessage } from 'agent-wire-react/core'

/*
 * A chat built only from the headless primitives and a few inline styles (no kit CSS classes):
 * what an app that wants its own look writes.
 */

const box: CSSProperties = {
  display: 'flex',
  flexDirection: 'column',
  flex: '1 1 auto',
  minHeight: 0,
  fontFamily: 'Georgia, serif',
  background: '#fffdf7',
  color: '#1f1a14',
}
const viewport: CSSProperties = { flex: '1 1 auto', overflowY: 'auto', padding: 16 }
const bubble = (user: boolean): CSSProperties => ({
  margin: '0 0 12px',
  padding: '8px 12px',
  borderRadius: 12,
  maxWidth: '80%',
  marginInlineStart: user ? 'auto' : 0,
  background: user ? '#1f3a5f' : '#f0ebe0',
  color: user ? '#ffffff' : '#1f1a14',
  whiteSpace: 'pre-wrap',
})
const button: CSSProperties = {
  padding: '6px 12px',
  border: '1px solid #1f1a14',
  borderRadius: 6,
  background: '#ffffff',
  color: '#1f1a14',
  font: 'inherit',
}

function ToolChip({ toolCall }: { toolCall: { id: string } }): ReactNode {
  return (
    <ToolCall.Root toolCallId={toolCall.id} style={{ fontSize: 14, margin: '4px 0' }}>
      🔧 <ToolCall.Name style={{ fontWeight: 'bold' }} /> · <ToolCall.Status />
      <ToolCall.Args style={{ margin: 0, fontSize: 12 }} />
    </ToolCall.Root>
  )
}

const components: MessageContentComponents = {
  ToolCall: ToolChip,
  Image: ({ part }) => <Message.Image part={part} style={{ maxWidth: 160, display: 'block' }} />,
}

function Bubble({ id, posInSet }: ThreadMessageProps): ReactNode {
  return (
    <Message.Root id={id} aria-posinset={posInSet} roleLabels={{ user: 'You', assistant: 'Bot' }}>
      <BubbleBody />
    </Message.Root>
  )
}

function BubbleBody(): ReactNode {
  const { message } = Message.useContext()
  return (
    <div style={bubble(message.role === 'user')}>
      <Message.Content components={components} />
    </div>
  )
}

const messageComponents = { Message: Bubble }

/** Props of {@link CustomChat}. */
export interface CustomChatProps {
  createAgent: () => Agent
  initialMessages?: AgMessage[]
  /** Props of the composer's Root (attachment limits, ...). */
  composer?: Omit<ComposerRootProps, 'children'>
}

/** The custom chat under an `AgentProvider` driven by the story's agent. */
export function CustomChat({ createAgent, initialMessages, composer }: CustomChatProps) {
  const [agent] = useState(createAgent)
  return (
    <AgentProvider agent={agent} threadId="custom-thread" initialMessages={initialMessages}>
      <Thread.Root style={box}>
        <Thread.Viewport style={viewport} aria-label="Conversation">
          <Thread.Empty style={{ textAlign: 'center' }}>Say something nice.</Thread.Empty>
          <Thread.Messages components={messageComponents} />
        </Thread.Viewport>
        <Thread.ScrollToBottom style={{ ...button, alignSelf: 'center' }}>
          ↓ Newest
        </Thread.ScrollToBottom>
        <RunStatus.Root style={{ padding: '0 16px', minHeight: 20, fontSize: 14 }}>
          <RunStatus.Label labels={{ running: 'Writing…' }} /> <RunStatus.Elapsed />
        </RunStatus.Root>
        <ErrorBannerPrimitive.Root style={{ padding: 8, background: '#fde8e8', color: '#5c0b0b' }}>
          <ErrorBannerPrimitive.Message />{' '}
          <ErrorBannerPrimitive.Retry style={button}>Try again</ErrorBannerPrimitive.Retry>
        </ErrorBannerPrimitive.Root>
        <ComposerPrimitive.Root
          {...composer}
          style={{
            display: 'flex',
            flexWrap: 'wrap',
            gap: 8,
            padding: 16,
            borderTop: '1px solid #d8d0c0',
          }}
        >
          <ComposerPrimitive.Attachments
            aria-label="Attached files"
            style={{
              display: 'flex',
              gap: 8,
              listStyle: 'none',
              margin: 0,
              padding: 0,
              width: '100%',
            }}
          />
          <ComposerPrimitive.Input
            aria-label="Your message"
            placeholder="Write here"
            style={{ flex: 1, font: 'inherit' }}
          />
          <ComposerPrimitive.AddAttachment style={button}>Add file</ComposerPrimitive.AddAttachment>
          <ComposerPrimitive.Stop style={button}>Stop</ComposerPrimitive.Stop>
          <ComposerPrimitive.Send style={button}>Send</ComposerPrimitive.Send>
          <ComposerPrimitive.Error style={{ width: '100%', color: '#8a1010' }} />
        </ComposerPrimitive.Root>
      </Thread.Root>
    </AgentProvider>
  )
}
