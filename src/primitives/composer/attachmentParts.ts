import { AgentError } from '../../core/protocol/AgentError'
import type { ContentPart } from '../../core/protocol/types'

/** One file attached in the composer. */
export interface ComposerAttachment {
  /** Stable id for keys and removal (not sent). */
  id: string
  /** The file as picked, pasted or dropped. */
  file: File
  /** `file.name`. */
  name: string
  /** `file.type`, or `application/octet-stream` when the browser does not know it. */
  mimeType: string
  /** `file.size`, bytes. */
  size: number
  /** `reading` while its bytes are read, then `ready` (it can be sent). */
  status: 'reading' | 'ready'
  /** The AG-UI content part sent for it, once read. */
  part?: ContentPart
}

/** Limits of the composer's attachments. */
export interface AttachmentLimits {
  /** Most files per message. */
  maxAttachments: number
  /** Most bytes per file. */
  maxAttachmentBytes: number
  /** Accepted types, as the `accept` attribute of a file input (`image/*,.pdf`); `undefined`: any. */
  accept: string | undefined
}

/** `1.5 MB`, `12 kB`, `900 bytes` (decimal units). */
export function formatBytes(bytes: number): string {
  if (bytes >= 1e6) return `${Number((bytes / 1e6).toFixed(1))} MB`
  if (bytes >= 1e3) return `${Number((bytes / 1e3).toFixed(1))} kB`
  return `${bytes} bytes`
}

/** Whether `file` matches an `accept` list (MIME types, `type/*` wildcards, `.ext` suffixes). */
export function acceptsFile(file: File, accept: string | undefined): boolean {
  if (!accept || accept.trim() === '') return true
  const type = file.type.toLowerCase()
  const name = file.name.toLowerCase()
  return accept.split(',').some((raw) => {
    const rule = raw.trim().toLowerCase()
    if (rule === '') return false
    if (rule.startsWith('.')) return name.endsWith(rule)
    if (rule.endsWith('/*')) return type.startsWith(rule.slice(0, -1))
    return type === rule
  })
}

/**
 * The files of `files` that fit `limits` next to `current` attachments, and the error for the
 * first one that does not (`limit_exceeded` for count and bytes, `attachment_rejected` for the
 * type); files after a count overflow are dropped with it.
 */
export function admitFiles(
  files: readonly File[],
  current: number,
  limits: AttachmentLimits,
): { admitted: File[]; error: AgentError | undefined } {
  const admitted: File[] = []
  let error: AgentError | undefined
  for (const file of files) {
    if (current + admitted.length >= limits.maxAttachments) {
      error ??= new AgentError(
        'limit_exceeded',
        `At most ${limits.maxAttachments} attachment${limits.maxAttachments === 1 ? '' : 's'} per message: "${file.name}" was not added.`,
      )
      break
    }
    if (!acceptsFile(file, limits.accept)) {
      error ??= new AgentError(
        'attachment_rejected',
        `"${file.name}" is not an accepted file type (${limits.accept}).`,
      )
      continue
    }
    if (file.size > limits.maxAttachmentBytes) {
      error ??= new AgentError(
        'limit_exceeded',
        `"${file.name}" is ${formatBytes(file.size)}; the limit is ${formatBytes(limits.maxAttachmentBytes)} per file.`,
      )
      continue
    }
    admitted.push(file)
  }
  return { admitted, error }
}

/**
 * The AG-UI content part for a file (spec 1.1, "Multimodal messages"): `image`, `audio`,
 * `video` by MIME type, else `document`, with a base64 `data` source and
 * `metadata: { filename, size }` (size in bytes).
 */
export function attachmentPart(file: File, base64: string): ContentPart {
  const mimeType = file.type || 'application/octet-stream'
  const kind = mimeType.split('/')[0]
  const type = kind === 'image' || kind === 'audio' || kind === 'video' ? kind : 'document'
  return {
    type,
    source: { type: 'data', value: base64, mimeType },
    metadata: { filename: file.name, size: file.size },
  } as ContentPart
}

/**
 * Reads a file's bytes as base64 (`FileReader.readAsDataURL`).
 * @throws AgentError `attachment_rejected` when the file cannot be read.
 */
export function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => {
      const url = typeof reader.result === 'string' ? reader.result : ''
      resolve(url.slice(url.indexOf(',') + 1))
    }
    reader.onerror = () =>
      reject(
        new AgentError('attachment_rejected', `"${file.name}" could not be read.`, {
          cause: reader.error,
        }),
      )
    reader.readAsDataURL(file)
  })
}
