import {
  forwardRef,
  useCallback,
  useId,
  useMemo,
  useRef,
  useState,
  type DragEvent,
  type FormEvent,
  type FormHTMLAttributes,
} from 'react'
import type { AgentError } from '../../core/protocol/AgentError'
import type { ContentPart } from '../../core/protocol/types'
import { useAgentRun } from '../../react/useAgentRun'
import { composeEventHandlers } from '../composeEventHandlers'
import { Slot } from '../Slot'
import { useControllableState } from '../useControllableState'
import { ComposerContext, type ComposerContextValue } from './ComposerContext'
import { useComposerAttachments } from './useComposerAttachments'

/** Props of `Composer.Root`. */
export interface ComposerRootProps extends Omit<FormHTMLAttributes<HTMLFormElement>, 'onChange'> {
  /** Render the single child element instead of a `form`, with the Root's props merged in. */
  asChild?: boolean
  /** Controlled text. */
  value?: string
  /** Initial text while uncontrolled. Default `''`. */
  defaultValue?: string
  /** Called with every new text (typing, and `''` after a send). */
  onValueChange?: (value: string) => void
  /**
   * Called after a send with what was sent: the text, or content parts (a `text` part when there
   * is text, then one part per attachment) when files are attached.
   */
  onSend?: (content: string | ContentPart[]) => void
  /** Most files per message. Default 10; `0` turns attachments off (paste and drop included). */
  maxAttachments?: number
  /** Most bytes per file. Default 10 000 000 (10 MB). */
  maxAttachmentBytes?: number
  /** Accepted file types, as an `<input type=file accept>` (`image/*,.pdf`). Default: any. */
  accept?: string
  /** Called when a file is refused (`limit_exceeded`, `attachment_rejected`); also shown by `Composer.Error`. */
  onAttachmentError?: (error: AgentError) => void
}

/**
 * The message box of the nearest `AgentProvider`: a `form[data-awr="composer"]` holding
 * `Composer.Input`, `.Send`, `.Stop`, `.Attachments`, `.AddAttachment` and `.Error`. Sends with
 * `useAgentRun().sendMessage`: the text alone, or AG-UI multimodal content (spec 1.1,
 * "Multimodal messages") when files are attached (base64 `data` sources, see `attachmentPart`).
 * After a send the text and attachments clear and focus returns to the input. Files dropped on
 * the form are attached (`data-dragging` while files are dragged over it).
 *
 * DOM: `data-state="idle|running"`, `data-dragging` while files hover.
 *
 * @throws Error naming `AgentProvider` when used outside one.
 */
export const Root = forwardRef<HTMLFormElement, ComposerRootProps>(function Root(
  {
    asChild,
    value: valueProp,
    defaultValue = '',
    onValueChange,
    onSend,
    maxAttachments = 10,
    maxAttachmentBytes = 10_000_000,
    accept,
    onAttachmentError,
    onSubmit,
    onDragOver,
    onDragLeave,
    onDrop,
    children,
    ...rest
  },
  ref,
) {
  const { sendMessage, stop, isRunning } = useAgentRun()
  const [value, setValue] = useControllableState({
    prop: valueProp,
    defaultProp: defaultValue,
    onChange: onValueChange,
  })
  const limits = useMemo(
    () => ({ maxAttachments, maxAttachmentBytes, accept }),
    [maxAttachments, maxAttachmentBytes, accept],
  )
  const attachments = useComposerAttachments(limits, onAttachmentError)
  const [dragging, setDragging] = useState(false)
  const inputRef = useRef<HTMLTextAreaElement>(null)
  const inputId = useId()
  const errorId = useId()
  const list = attachments.attachments
  const reading = list.some((a) => a.status !== 'ready')
  const canSend = (value.trim() !== '' || list.length > 0) && !isRunning && !reading
  const { clear } = attachments

  const send = useCallback(() => {
    if (!canSend) return
    const parts = list.flatMap((a) => (a.part ? [a.part] : []))
    const content: string | ContentPart[] =
      parts.length === 0
        ? value
        : [...(value.trim() !== '' ? [{ type: 'text' as const, text: value }] : []), ...parts]
    setValue('')
    clear()
    void sendMessage(content)
    onSend?.(content)
    inputRef.current?.focus()
  }, [canSend, list, value, setValue, clear, sendMessage, onSend])

  const attachable = maxAttachments > 0
  const hasFiles = (event: DragEvent) =>
    attachable && [...event.dataTransfer.types].includes('Files')

  const context = useMemo<ComposerContextValue>(
    () => ({
      ...attachments,
      value,
      setValue,
      canSend,
      send,
      stop,
      isRunning,
      limits,
      attachable,
      inputRef,
      ids: { input: inputId, error: errorId },
    }),
    [
      attachments,
      value,
      setValue,
      canSend,
      send,
      stop,
      isRunning,
      limits,
      attachable,
      inputId,
      errorId,
    ],
  )
  const Comp = asChild ? Slot : 'form'
  return (
    <ComposerContext.Provider value={context}>
      <Comp
        {...rest}
        ref={ref}
        data-awr="composer"
        data-state={isRunning ? 'running' : 'idle'}
        data-dragging={dragging || undefined}
        onSubmit={composeEventHandlers(onSubmit, (event: FormEvent<HTMLFormElement>) => {
          event.preventDefault()
          send()
        })}
        onDragOver={composeEventHandlers(onDragOver, (event: DragEvent<HTMLFormElement>) => {
          if (!hasFiles(event)) return
          event.preventDefault()
          setDragging(true)
        })}
        onDragLeave={composeEventHandlers(onDragLeave, (event: DragEvent<HTMLFormElement>) => {
          if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDragging(false)
        })}
        onDrop={composeEventHandlers(onDrop, (event: DragEvent<HTMLFormElement>) => {
          setDragging(false)
          if (!attachable || event.dataTransfer.files.length === 0) return
          event.preventDefault()
          attachments.add(event.dataTransfer.files)
        })}
      >
        {children}
      </Comp>
    </ComposerContext.Provider>
  )
})
