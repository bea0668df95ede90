/**
 * Headless parts of one tool call (Radix anatomy; use as `ToolCall.Root`, ...). `ToolCallCard`
 * is the styled composition; calls that need a decision use `ToolApproval.*`.
 */
export { Root } from './ToolCallRoot'
export { Name, Args, Result, Error, Status } from './ToolCallParts'
export { useToolCallContext as useContext } from './ToolCallContext'
