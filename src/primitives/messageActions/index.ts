/**
 * Headless parts of one message's actions (Radix anatomy; use as `MessageActions.Root`, ...):
 * copy, regenerate, edit-and-resend. See `MessageActions.Root` for the behaviour and the styled
 * `MessageActions` component for the composition.
 */
export { Root } from './MessageActionsRoot'
export {
  Copy,
  Regenerate,
  Edit,
  Editor,
  EditorInput,
  EditorSubmit,
  EditorCancel,
  Error,
} from './MessageActionsParts'
export { useMessageActionsContext as useContext } from './MessageActionsContext'
