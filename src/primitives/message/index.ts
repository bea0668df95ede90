/**
 * Headless parts of one message (Radix anatomy; use as `Message.Root`, ...): Root (subscribes
 * to the message by id), Content (renders by role and content kind through replaceable
 * components) and a part per kind: Text, Reasoning, ToolCall, ToolResult, Activity, Image, File.
 * `ChatMessage` is the styled composition.
 */
export { Root } from './MessageRoot'
export { Content } from './MessageContent'
export { Text, Reasoning, Activity, ToolResult } from './MessageParts'
export { Image, File } from './MessageMedia'
export { ToolCall } from './MessageToolCall'
export { useMessageContext as useContext } from './MessageContext'
