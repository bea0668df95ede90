import { useCallback, useEffect, useRef, useState } from 'react'
import { AgentError } from '../../core/protocol/AgentError'
import {
  admitFiles,
  attachmentPart,
  readBase64,
  type AttachmentLimits,
  type ComposerAttachment,
} from './attachmentParts'

/** What {@link useComposerAttachments} returns. */
export interface ComposerAttachments {
  attachments: readonly ComposerAttachment[]
  /** The last refused file or failed read; cleared by the next add, remove or clear. */
  error: AgentError | undefined
  /** Adds files within the limits (see `admitFiles`) and starts reading them. */
  add: (files: Iterable<File>) => void
  remove: (id: string) => void
  /** Removes every attachment and the error (after a send). */
  clear: () => void
}

let nextId = 0

/**
 * The composer's attachment list: admits files within `limits`, reads each as base64 into its
 * AG-UI content part, and reports the first refusal as an `AgentError` (also to `onError`).
 * A read that fails removes the file and sets `attachment_rejected`.
 */
export function useComposerAttachments(
  limits: AttachmentLimits,
  onError: ((error: AgentError) => void) | undefined,
): ComposerAttachments {
  const [attachments, setAttachments] = useState<readonly ComposerAttachment[]>([])
  const [error, setError] = useState<AgentError>()
  const latest = useRef({ attachments, limits, onError })
  useEffect(() => {
    latest.current = { attachments, limits, onError }
  })
  const fail = useCallback((failure: AgentError) => {
    setError(failure)
    latest.current.onError?.(failure)
  }, [])

  const add = useCallback(
    (files: Iterable<File>) => {
      const { attachments: current, limits: now } = latest.current
      const { admitted, error: refused } = admitFiles([...files], current.length, now)
      const added = admitted.map<ComposerAttachment>((file) => ({
        id: `attachment-${++nextId}`,
        file,
        name: file.name,
        mimeType: file.type || 'application/octet-stream',
        size: file.size,
        status: 'reading',
      }))
      latest.current.attachments = [...current, ...added]
      setAttachments(latest.current.attachments)
      setError(undefined)
      if (refused) fail(refused)
      for (const attachment of added) {
        readBase64(attachment.file).then(
          (base64) =>
            setAttachments((list) =>
              list.map((a) =>
                a.id === attachment.id
                  ? { ...a, status: 'ready', part: attachmentPart(a.file, base64) }
                  : a,
              ),
            ),
          (failure: unknown) => {
            setAttachments((list) => list.filter((a) => a.id !== attachment.id))
            fail(
              failure instanceof AgentError
                ? failure
                : new AgentError('attachment_rejected', `"${attachment.name}" could not be read.`),
            )
          },
        )
      }
    },
    [fail],
  )
  const remove = useCallback((id: string) => {
    setAttachments((list) => list.filter((a) => a.id !== id))
    setError(undefined)
  }, [])
  const clear = useCallback(() => {
    setAttachments([])
    setError(undefined)
  }, [])
  return { attachments, error, add, remove, clear }
}
