import type { ReactNode } from 'react'
import type { AgentError } from '../core/protocol/AgentError'
import * as ComposerPrimitive from '../primitives/composer'
import { useChatContext } from './ChatContext'

/** Attachment settings of {@link Composer} (see `ComposerPrimitive.Root` for the defaults). */
export interface ComposerAttachmentOptions {
  /** Most files per message. Default 10. */
  maxAttachments?: number
  /** Most bytes per file. Default 10 000 000 (10 MB). */
  maxAttachmentBytes?: number
  /** Accepted types, as `<input type=file accept>` (`image/*,.pdf`). Default: any. */
  accept?: string
  /** Called when a file is refused (`limit_exceeded`, `attachment_rejected`). */
  onError?: (error: AgentError) => void
}

/** Props of {@link Composer}. */
export interface ComposerProps {
  className?: string
  /** Textarea placeholder; defaults to `labels.placeholder`. */
  placeholder?: string
  /** Focus the textarea on mount. Default `false`. */
  autoFocus?: boolean
  /**
   * Let people attach files (pick, paste, drop; sent as AG-UI multimodal content parts):
   * `true` or limits. Default `false` (text only).
   */
  attachments?: boolean | ComposerAttachmentOptions
}

/**
 * The message box, composed from `ComposerPrimitive.*` and CSS: a `<form>` with a textarea
 * (accessible name `labels.composer`, "Message"), a Send button (disabled while there is nothing
 * to send or a run is running) and, while a run is running, a Stop button calling `stop()`.
 * With `attachments`, an Attach button (`labels.attachFiles`), chips with a remove button per
 * file, and the refusal message of a file over the limits (`role="alert"`).
 *
 * Keys: Enter sends, Shift+Enter inserts a new line, Enter while an IME composition is open
 * (`isComposing`, keyCode 229) does nothing. After a send the text is cleared, focus returns to
 * the textarea and the message list sticks to the bottom.
 */
export function Composer({
  className,
  placeholder,
  autoFocus = false,
  attachments = false,
}: ComposerProps): ReactNode {
  const { labels, scrollToBottom } = useChatContext()
  const options = typeof attachments === 'object' ? attachments : {}
  return (
    <ComposerPrimitive.Root
      className={className ? `awr-composer ${className}` : 'awr-composer'}
      onSend={scrollToBottom}
      maxAttachments={attachments ? options.maxAttachments : 0}
      maxAttachmentBytes={options.maxAttachmentBytes}
      accept={options.accept}
      onAttachmentError={options.onError}
    >
      <ComposerLabel label={labels.composer} />
      <div className="awr-composer-main">
        <ComposerPrimitive.Attachments
          className="awr-composer-attachments"
          aria-label={labels.attachments}
        >
          {(attachment, remove) => (
            <span className="awr-attachment awr-composer-chip">
              <span className="awr-composer-chip-name">{attachment.name}</span>
              <button
                type="button"
                className="awr-composer-chip-remove"
                aria-label={labels.removeAttachment.replace('{name}', attachment.name)}
                onClick={remove}
              >
                ×
              </button>
            </span>
          )}
        </ComposerPrimitive.Attachments>
        <ComposerPrimitive.Input
          className="awr-composer-input"
          placeholder={placeholder ?? labels.placeholder}
          autoFocus={autoFocus}
        />
        <ComposerPrimitive.Error className="awr-composer-error" />
      </div>
      <div className="awr-composer-actions">
        <ComposerPrimitive.AddAttachment className="awr-button awr-button-secondary">
          {labels.attachFiles}
        </ComposerPrimitive.AddAttachment>
        <ComposerPrimitive.Stop className="awr-button awr-button-secondary">
          {labels.stop}
        </ComposerPrimitive.Stop>
        <ComposerPrimitive.Send className="awr-button awr-button-primary">
          {labels.send}
        </ComposerPrimitive.Send>
      </div>
    </ComposerPrimitive.Root>
  )
}

function ComposerLabel({ label }: { label: string }): ReactNode {
  const { ids } = ComposerPrimitive.useContext('Label')
  return (
    <label htmlFor={ids.input} className="awr-visually-hidden">
      {label}
    </label>
  )
}
