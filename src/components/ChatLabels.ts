import type { RunStatus, ToolCallStatus } from '../core/reducer/AgentSnapshot'

/**
 * Every user-visible string of the styled chat. Pass a `Partial<ChatLabels>` to `<Chat labels>`
 * to translate or reword; missing keys fall back to {@link defaultChatLabels}. Nested records
 * (`runStatus`, `toolStatus`, `roles`) are merged key by key.
 */
export interface ChatLabels {
  /** Accessible name of the message list (`role="log"`). */
  messageList: string
  /** Button shown while the message list is scrolled away from the newest message. */
  jumpToLatest: string
  /** Accessible name of the composer textarea. */
  composer: string
  /** Placeholder of the composer textarea (overridden by `<Chat placeholder>`). */
  placeholder: string
  /** Send button text. */
  send: string
  /** Stop button text (shown while a run is running). */
  stop: string
  /** Retry button text in the error banner. */
  retry: string
  /** Heading of the error banner. */
  errorTitle: string
  /** Prefix before the error `code` in the error banner. */
  errorCode: string
  /** Summary of the collapsed reasoning block. */
  reasoning: string
  /** Title of an activity card when the activity has no better name. */
  activity: string
  /** Heading of a tool call's arguments. */
  toolArguments: string
  /** Heading of a tool call's result. */
  toolResult: string
  /** Heading of a tool call's error (`ToolMessage.error`). */
  toolError: string
  /** Title of a tool result whose call is unknown. */
  toolMessage: string
  /** Alt text of an image part that carries none in its metadata. */
  image: string
  /** Prefix of the screen-reader announcement when an assistant message completes. */
  assistantAnnouncement: string
  /** Status line text per run status; an empty string hides the line. */
  runStatus: Record<RunStatus, string>
  /** Status pill text per tool call status. */
  toolStatus: Record<ToolCallStatus, string>
  /** Accessible name of each message `<article>`, per AG-UI role. */
  roles: Record<'user' | 'assistant' | 'reasoning' | 'activity' | 'tool', string>
}

/** English defaults of {@link ChatLabels}. */
export const defaultChatLabels: ChatLabels = {
  messageList: 'Conversation',
  jumpToLatest: 'Jump to latest',
  composer: 'Message',
  placeholder: 'Send a message…',
  send: 'Send',
  stop: 'Stop',
  retry: 'Retry',
  errorTitle: 'Something went wrong',
  errorCode: 'Code',
  reasoning: 'Reasoning',
  activity: 'Activity',
  toolArguments: 'Arguments',
  toolResult: 'Result',
  toolError: 'Error',
  toolMessage: 'Tool result',
  image: 'Attached image',
  assistantAnnouncement: 'Assistant:',
  runStatus: {
    idle: '',
    running: 'Thinking…',
    finished: '',
    error: 'The run failed.',
    interrupted: 'Waiting for your input.',
    cancelled: 'Stopped.',
    truncated: 'The connection was lost before the answer finished.',
  },
  toolStatus: {
    streaming: 'Preparing',
    complete: 'Awaiting result',
    resolved: 'Done',
  },
  roles: {
    user: 'You',
    assistant: 'Assistant',
    reasoning: 'Reasoning',
    activity: 'Activity',
    tool: 'Tool',
  },
}

/** Merges a partial override into {@link defaultChatLabels} (nested records key by key). */
export function resolveChatLabels(labels: Partial<ChatLabels> | undefined): ChatLabels {
  if (!labels) return defaultChatLabels
  return {
    ...defaultChatLabels,
    ...labels,
    runStatus: { ...defaultChatLabels.runStatus, ...labels.runStatus },
    toolStatus: { ...defaultChatLabels.toolStatus, ...labels.toolStatus },
    roles: { ...defaultChatLabels.roles, ...labels.roles },
  }
}
