/**
 * Headless parts of the conversation (Radix anatomy; use as `Thread.Root`, ...): Root (message
 * ids and scroll state), Viewport (the scrolling `role="log"`), Messages (rows, stick to bottom,
 * virtualization), Empty, ScrollToBottom. `MessageList` is the styled composition.
 */
export { Root } from './ThreadRoot'
export { Viewport } from './ThreadViewport'
export { Messages } from './ThreadMessages'
export { Empty, ScrollToBottom } from './ThreadParts'
export { useThreadContext as useContext } from './ThreadContext'
