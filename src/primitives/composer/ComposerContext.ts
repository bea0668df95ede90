import { createContext, useContext, type RefObject } from 'react'
import type { ComposerAttachments } from './useComposerAttachments'
import type { AttachmentLimits } from './attachmentParts'

/** What `Composer.Root` shares with its parts; read it with {@link useComposerContext}. */
export interface ComposerContextValue extends ComposerAttachments {
  /** The text typed so far. */
  value: string
  setValue: (value: string) => void
  /** A send is possible now: text or a read attachment, no run running, no file still reading. */
  canSend: boolean
  /** Sends the text and attachments (no-op unless `canSend`). */
  send: () => void
  /** Stops the running run. */
  stop: () => void
  isRunning: boolean
  limits: AttachmentLimits
  /** Whether files may be attached at all (`maxAttachments > 0`). */
  attachable: boolean
  inputRef: RefObject<HTMLTextAreaElement | null>
  /** DOM ids: the input (for a `<label htmlFor>`) and the error (for `aria-describedby`). */
  ids: { input: string; error: string }
}

/** React context of the Composer parts. */
export const ComposerContext = createContext<ComposerContextValue | null>(null)

/**
 * The context of the nearest `Composer.Root` (exported as `ComposerPrimitive`), for custom parts.
 * @throws Error naming the part when used outside a Root.
 */
export function useComposerContext(part = 'useComposerContext'): ComposerContextValue {
  const value = useContext(ComposerContext)
  if (!value)
    throw new Error(`<ComposerPrimitive.${part}> must be used inside <ComposerPrimitive.Root>.`)
  return value
}
