import {
  forwardRef,
  useRef,
  type ButtonHTMLAttributes,
  type HTMLAttributes,
  type ReactNode,
} from 'react'
import { composeEventHandlers } from '../composeEventHandlers'
import { Slot } from '../Slot'
import { withDefaultContent } from '../withDefaultContent'
import { visuallyHidden } from '../visuallyHidden'
import type { ComposerAttachment } from './attachmentParts'
import { useComposerContext } from './ComposerContext'

/** Props of `Composer.Attachments`. */
export interface ComposerAttachmentsProps extends Omit<
  HTMLAttributes<HTMLUListElement>,
  'children'
> {
  /**
   * Renders one chip; `remove` drops that file. Default: the file name and a remove button
   * named `Remove <name>`.
   */
  children?: (attachment: ComposerAttachment, remove: () => void) => ReactNode
  /** Render the (empty) list while nothing is attached. */
  forceMount?: boolean
}

/**
 * The attached files as chips: `ul[data-awr="composer-attachments"]` > one
 * `li[data-awr="composer-attachment"][data-state="reading|ready"]` per file. Nothing while none
 * is attached (unless `forceMount`).
 */
export const Attachments = forwardRef<HTMLUListElement, ComposerAttachmentsProps>(
  function Attachments({ children, forceMount, ...rest }, ref) {
    const ctx = useComposerContext('Attachments')
    if (ctx.attachments.length === 0 && !forceMount) return null
    return (
      <ul {...rest} ref={ref} data-awr="composer-attachments">
        {ctx.attachments.map((attachment) => {
          const remove = () => {
            ctx.remove(attachment.id)
            ctx.inputRef.current?.focus()
          }
          return (
            <li
              key={attachment.id}
              data-awr="composer-attachment"
              data-state={attachment.status}
              data-type={attachment.mimeType}
            >
              {children ? (
                children(attachment, remove)
              ) : (
                <>
                  <span>{attachment.name}</span>
                  <button type="button" aria-label={`Remove ${attachment.name}`} onClick={remove}>
                    ×
                  </button>
                </>
              )}
            </li>
          )
        })}
      </ul>
    )
  },
)

/** Props of `Composer.AddAttachment`. */
export interface ComposerAddAttachmentProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  asChild?: boolean
}

/**
 * A button opening the file picker (`multiple`, the Root's `accept`); picked files are attached
 * within the limits. Renders a visually hidden `input[type=file]` next to it (out of the tab
 * order). Disabled while `maxAttachments` is reached; nothing when attachments are off.
 * Children are its label.
 */
export const AddAttachment = forwardRef<HTMLButtonElement, ComposerAddAttachmentProps>(
  function AddAttachment({ asChild, onClick, disabled, ...rest }, ref) {
    const ctx = useComposerContext('AddAttachment')
    const fileRef = useRef<HTMLInputElement>(null)
    if (!ctx.attachable) return null
    const full = ctx.attachments.length >= ctx.limits.maxAttachments
    const Comp = asChild ? Slot : 'button'
    return (
      <>
        <Comp
          type="button"
          {...rest}
          ref={ref}
          data-awr="composer-add-attachment"
          disabled={disabled || full}
          onClick={composeEventHandlers(onClick, () => fileRef.current?.click())}
        />
        <input
          ref={fileRef}
          type="file"
          multiple
          accept={ctx.limits.accept}
          tabIndex={-1}
          aria-hidden="true"
          style={visuallyHidden}
          data-awr="composer-file-input"
          onChange={(event) => {
            const files = event.target.files
            if (files && files.length > 0) ctx.add(files)
            event.target.value = ''
          }}
        />
      </>
    )
  },
)

/** Props of `Composer.Error`. */
export interface ComposerErrorProps extends HTMLAttributes<HTMLDivElement> {
  asChild?: boolean
}

/**
 * The last refused attachment (`limit_exceeded`, `attachment_rejected`) as
 * `div[data-awr="composer-error"][role="alert"][data-code]` holding its message (children
 * replace it); nothing otherwise. The input points at it with `aria-describedby`.
 */
export const Error = forwardRef<HTMLDivElement, ComposerErrorProps>(function Error(
  { asChild, children, ...rest },
  ref,
) {
  const ctx = useComposerContext('Error')
  if (!ctx.error) return null
  const Comp = asChild ? Slot : 'div'
  return (
    <Comp
      role="alert"
      {...rest}
      ref={ref}
      id={ctx.ids.error}
      data-awr="composer-error"
      data-code={ctx.error.code}
    >
      {withDefaultContent(asChild, children, ctx.error.message)}
    </Comp>
  )
})
