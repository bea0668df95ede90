import { useId, useRef, useState, type FormEvent, type KeyboardEvent, type ReactNode } from 'react'
import { useAgentRun } from '../react'
import { useChatContext } from './ChatContext'

/** Props of {@link Composer}. */
export interface ComposerProps {
  className?: string
  /** Textarea placeholder; defaults to `labels.placeholder`. */
  placeholder?: string
  /** Focus the textarea on mount. Default `false`. */
  autoFocus?: boolean
}

/**
 * The message box: a `<form>` with a textarea (accessible name `labels.composer`, "Message"), a
 * Send button (disabled while the text is blank or a run is running) and, while a run is running,
 * a Stop button calling `stop()`.
 *
 * Keys: Enter sends, Shift+Enter inserts a new line, Enter while an IME composition is open
 * (`isComposing`, keyCode 229) does nothing. After a send the text is cleared, focus returns to
 * the textarea and the message list sticks to the bottom.
 */
export function Composer({ className, placeholder, autoFocus = false }: ComposerProps): ReactNode {
  const { sendMessage, stop, isRunning } = useAgentRun()
  const { labels, scrollToBottom } = useChatContext()
  const [text, setText] = useState('')
  const textareaRef = useRef<HTMLTextAreaElement>(null)
  const inputId = useId()
  const canSend = text.trim() !== '' && !isRunning

  const send = () => {
    if (!canSend) return
    const message = text
    setText('')
    scrollToBottom()
    void sendMessage(message)
    textareaRef.current?.focus()
  }

  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    send()
  }

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key !== 'Enter' || event.shiftKey) return
    if (event.nativeEvent.isComposing || event.keyCode === 229) return
    event.preventDefault()
    send()
  }

  return (
    <form
      className={className ? `awr-composer ${className}` : 'awr-composer'}
      data-awr="composer"
      data-state={isRunning ? 'running' : 'idle'}
      onSubmit={onSubmit}
    >
      <label htmlFor={inputId} className="awr-visually-hidden">
        {labels.composer}
      </label>
      <textarea
        id={inputId}
        ref={textareaRef}
        className="awr-composer-input"
        rows={1}
        value={text}
        placeholder={placeholder ?? labels.placeholder}
        autoFocus={autoFocus}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={onKeyDown}
      />
      <div className="awr-composer-actions">
        {isRunning && (
          <button
            type="button"
            className="awr-button awr-button-secondary"
            data-awr="stop"
            onClick={() => stop()}
          >
            {labels.stop}
          </button>
        )}
        <button
          type="submit"
          className="awr-button awr-button-primary"
          data-awr="send"
          disabled={!canSend}
        >
          {labels.send}
        </button>
      </div>
    </form>
  )
}
