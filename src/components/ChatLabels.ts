import type {
  ApprovalState,
  InterruptState,
  RunStatus,
  ToolCallStatus,
} from '../core/reducer/AgentSnapshot'
import {
  defaultSchemaFormMessages,
  type SchemaFormMessages,
} from '../primitives/schemaForm/SchemaFormMessages'

/**
 * Every user-visible string of the styled chat. Pass a `Partial<ChatLabels>` to `<Chat labels>`
 * to translate or reword; missing keys fall back to {@link defaultChatLabels}. Nested records
 * (`runStatus`, `toolStatus`, `roles`, `approvalStatus`, `interruptStatus`, `form`) are merged
 * key by key. `{name}` placeholders are filled in by the components.
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
  /** Dismiss button of the error banner (hides it until the next error). */
  dismissError: string
  /** Composer button that opens the file picker. */
  attachFiles: string
  /** Accessible name of the composer's list of attached files. */
  attachments: string
  /** Accessible name of an attachment's remove button (`{name}`: the file name). */
  removeAttachment: string
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
  /** Read in an announcement in place of a fenced code block (its code is not read). */
  codeBlockAnnouncement: string
  /** Status line text per run status; an empty string hides the line. */
  runStatus: Record<RunStatus, string>
  /** Status pill text per tool call status. */
  toolStatus: Record<ToolCallStatus, string>
  /** Accessible name of each message `<article>`, per AG-UI role. */
  roles: Record<'user' | 'assistant' | 'reasoning' | 'activity' | 'tool', string>
  /** Approve button of an approval card (shortcut Alt+A). */
  approve: string
  /** Deny button of an approval card (shortcut Alt+D; asks for a reason, then denies). */
  deny: string
  /** Edit button of an approval card (shortcut Alt+E). */
  edit: string
  /** "Always allow" button of an approval card (adds the tool to the policy store). */
  alwaysAllow: string
  /** Title and accessible name of an approval card, and its announcement (`{tool}`). */
  approvalNeeded: string
  /** Accessible name of the deny reason input. */
  denyReason: string
  /** Placeholder of the deny reason input. */
  denyReasonPlaceholder: string
  /** Status pill text per approval state. */
  approvalStatus: Record<ApprovalState, string>
  /** Summary of a denial with a reason (`{reason}`). */
  deniedWithReason: string
  /** Summary of an approval decided by the "always allow" policy. */
  approvedByPolicy: string
  /** Title and accessible name of an interrupt prompt, and the announcement prefix. */
  inputNeeded: string
  /** Submit button of an interrupt prompt. */
  submit: string
  /** Cancel button of an interrupt prompt. */
  cancel: string
  /** Countdown text while time is left (`{time}`: `m:ss` or `h:mm:ss`). */
  expiresIn: string
  /** Countdown text (and announcement) once the time is over. */
  expired: string
  /** Announced once when one minute is left. */
  expiresSoon: string
  /** Status line of an interrupt prompt per state (`''` shows none). */
  interruptStatus: Record<InterruptState, string>
  /** Validation messages and control names of generated forms (edited arguments, interrupt answers). */
  form: SchemaFormMessages
  /**
   * Status text of an approval card or interrupt prompt whose code is still loading (it loads on
   * first use, see `preloadHumanInTheLoop`).
   */
  hitlLoading: string
  /** Alert text when that code could not be loaded (offline, a replaced deploy); Retry follows. */
  hitlLoadFailed: string
  /** Accessible name of a message's action group (copy, regenerate, edit). */
  messageActions: string
  /** Copy button of a message or a code block. */
  copy: string
  /** Copy button text for a moment after a successful copy. */
  copied: string
  /** Copy button text for a moment after a failed copy (no clipboard access). */
  copyFailed: string
  /** Regenerate button of the last assistant reply. */
  regenerate: string
  /** Edit button of a user message. */
  editMessage: string
  /** Accessible name of the edit textarea of a user message. */
  editMessageInput: string
  /** Submit button of the edit form (drops what follows the message and runs again). */
  resend: string
  /** Accessible name of a code block's copy button (`{language}`, may be empty). */
  copyCode: string
  /** Launcher button of `ChatPopup` while closed. */
  openChat: string
  /** Launcher (while open) and close button of `ChatPopup`. */
  closeChat: string
  /** Title and accessible name of the `ChatPopup` panel and the `ChatSidebar`. */
  chatTitle: string
  /** Toggle of `ChatSidebar` while expanded. */
  collapseChat: string
  /** Toggle of `ChatSidebar` while collapsed. */
  expandChat: string
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
  dismissError: 'Dismiss',
  attachFiles: 'Attach',
  attachments: 'Attachments',
  removeAttachment: 'Remove {name}',
  reasoning: 'Reasoning',
  activity: 'Activity',
  toolArguments: 'Arguments',
  toolResult: 'Result',
  toolError: 'Error',
  toolMessage: 'Tool result',
  image: 'Attached image',
  assistantAnnouncement: 'Assistant:',
  codeBlockAnnouncement: 'code block',
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
  approve: 'Approve',
  deny: 'Deny',
  edit: 'Edit',
  alwaysAllow: 'Always allow',
  approvalNeeded: 'Approval needed: {tool}',
  denyReason: 'Reason',
  denyReasonPlaceholder: 'Why not? (optional, sent to the agent)',
  approvalStatus: {
    awaiting_args: 'Preparing',
    pending: 'Needs approval',
    approved: 'Approved',
    denied: 'Denied',
    edited: 'Approved with edits',
    executing: 'Running',
    resolved: 'Done',
    cancelled: 'Cancelled',
    expired: 'Expired',
  },
  deniedWithReason: 'Denied: {reason}',
  approvedByPolicy: 'Allowed by your "always allow" setting',
  inputNeeded: 'Input needed',
  submit: 'Submit',
  cancel: 'Cancel',
  expiresIn: 'Expires in {time}',
  expired: 'Expired',
  expiresSoon: 'Expires in 1 minute',
  interruptStatus: {
    open: '',
    answered: 'Answer sent.',
    cancelled: 'Cancelled.',
    expired: 'This request expired; it can only be cancelled.',
    resolved: 'Answered.',
  },
  form: defaultSchemaFormMessages,
  hitlLoading: 'Loading…',
  hitlLoadFailed: 'This part of the chat could not be loaded.',
  messageActions: 'Message actions',
  copy: 'Copy',
  copied: 'Copied',
  copyFailed: 'Copy failed',
  regenerate: 'Regenerate',
  editMessage: 'Edit message',
  editMessageInput: 'Edit your message',
  resend: 'Send',
  copyCode: 'Copy {language} code',
  openChat: 'Open chat',
  closeChat: 'Close chat',
  chatTitle: 'Chat',
  collapseChat: 'Hide chat',
  expandChat: 'Show chat',
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
    approvalStatus: { ...defaultChatLabels.approvalStatus, ...labels.approvalStatus },
    interruptStatus: { ...defaultChatLabels.interruptStatus, ...labels.interruptStatus },
    form: { ...defaultChatLabels.form, ...labels.form },
  }
}
