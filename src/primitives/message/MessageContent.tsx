import type { ComponentType, ReactNode } from 'react'
import type {
  ActivityMessage,
  ContentPart,
  ImagePart,
  ReasoningMessage,
  TextPart,
  ToolCall as ToolCallEntry,
  ToolMessage,
} from '../../core/protocol/types'
import { useMessageContext } from './MessageContext'
import { File, Image, type MediaContentPart } from './MessageMedia'
import { Activity, Reasoning, Text, ToolResult } from './MessageParts'
import { ToolCall } from './MessageToolCall'

/** The component `Message.Content` uses per content kind; each defaults to the matching part. */
export interface MessageContentComponents {
  /** Plain text: a string `content` or a `TextPart` (then `part` is set). Default `Message.Text`. */
  Text?: ComponentType<{ text: string; part?: TextPart }>
  /** An image part. Default `Message.Image`. */
  Image?: ComponentType<{ part: ImagePart }>
  /** Audio, video, document and unknown parts. Default `Message.File`. */
  File?: ComponentType<{ part: MediaContentPart }>
  /** One entry of `AssistantMessage.toolCalls`. Default `Message.ToolCall`. */
  ToolCall?: ComponentType<{ toolCall: ToolCallEntry; messageId: string }>
  /** A `reasoning` message. Default `Message.Reasoning` (collapsed). */
  Reasoning?: ComponentType<{ message: ReasoningMessage }>
  /** An `activity` message. Default `Message.Activity`. */
  Activity?: ComponentType<{ message: ActivityMessage }>
  /** A `tool` message. Default `Message.ToolResult`. */
  ToolResult?: ComponentType<{ message: ToolMessage }>
  /** Shown while an assistant message streams with no text and no tool call yet. Default none. */
  Pending?: ComponentType
}

/** Props of `Message.Content`. */
export interface MessageContentPartProps {
  /** Components per content kind (see {@link MessageContentComponents}). */
  components?: MessageContentComponents
}

function DefaultText({ text }: { text: string }): ReactNode {
  return <Text text={text} />
}

function Parts({
  content,
  components: c,
}: {
  content: string | readonly ContentPart[] | undefined
  components: MessageContentComponents
}): ReactNode {
  const TextComp = c.Text ?? DefaultText
  if (typeof content === 'string') return <TextComp text={content} />
  if (!Array.isArray(content)) return null
  const ImageComp = c.Image ?? Image
  const FileComp = c.File ?? File
  return content.map((part: ContentPart, index) => {
    const key = part.id ?? index
    if (part.type === 'text') return <TextComp key={key} text={String(part.text)} part={part} />
    if (part.type === 'image') return <ImageComp key={key} part={part} />
    return <FileComp key={key} part={part} />
  })
}

/**
 * The message's content, by AG-UI role, through one component per kind (`components`, each
 * defaulting to the matching headless part): `user` text and multimodal parts (Text, Image, File);
 * `assistant` text then one ToolCall per `toolCalls` entry (`Pending` while it streams empty);
 * `reasoning`, `activity` and `tool` messages through Reasoning, Activity and ToolResult.
 * Renders no element of its own; unknown roles and part types never throw (unknown parts go to
 * File, which shows a placeholder).
 *
 * @throws Error when used outside `Message.Root`.
 */
export function Content({ components = {} }: MessageContentPartProps): ReactNode {
  const { message, status } = useMessageContext('Content')
  switch (message.role) {
    case 'user':
      return <Parts content={message.content} components={components} />
    case 'assistant': {
      const ToolCallComp = components.ToolCall ?? ToolCall
      const Pending = components.Pending
      const calls = message.toolCalls ?? []
      return (
        <>
          {message.content ? <Parts content={message.content} components={components} /> : null}
          {Pending && status === 'streaming' && !message.content && calls.length === 0 ? (
            <Pending />
          ) : null}
          {calls.map((call) => (
            <ToolCallComp key={call.id} toolCall={call} messageId={message.id} />
          ))}
        </>
      )
    }
    case 'reasoning': {
      const Comp = components.Reasoning ?? Reasoning
      return <Comp message={message} />
    }
    case 'activity': {
      const Comp = components.Activity ?? Activity
      return <Comp message={message} />
    }
    case 'tool': {
      const Comp = components.ToolResult ?? ToolResult
      return <Comp message={message} />
    }
    default:
      return null
  }
}
