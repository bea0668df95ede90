/**
 * Upgrade of the retired `{ type: 'binary' }` content part (AG-UI 0.0.x) to the typed media
 * parts of 1.0 (spec 1.1, "Multimodal content"; compatibility: "retired wire forms").
 */
import type { Diagnostic } from './Diagnostic'
import { isPlainObject } from './isPlainObject'

/** Which media part a MIME type becomes: `image/*`, `audio/*`, `video/*`, else `document`. */
function mediaKind(mimeType: string): 'image' | 'audio' | 'video' | 'document' {
  const kind = /^(image|audio|video)\//.exec(mimeType)?.[1] as
    'image' | 'audio' | 'video' | undefined
  return kind ?? 'document'
}

function upgradePart(part: unknown): unknown {
  if (!isPlainObject(part) || part.type !== 'binary' || typeof part.mimeType !== 'string')
    return part
  const value =
    typeof part.data === 'string' ? part.data : typeof part.url === 'string' ? part.url : undefined
  if (value === undefined) return part
  return {
    type: mediaKind(part.mimeType),
    source: {
      type: typeof part.data === 'string' ? 'data' : 'url',
      value,
      mimeType: part.mimeType,
    },
    ...(typeof part.filename === 'string' && { metadata: { filename: part.filename } }),
  }
}

/**
 * Returns `message` with every legacy `binary` part of its `content` replaced by the equivalent
 * `image`/`audio`/`video`/`document` part (payload in `source`, `filename` in `metadata`).
 * A binary part that carries neither `data` nor `url` cannot be converted and is left as is
 * (the schema then drops it as an unrecognised part, with a warning).
 *
 * Pushes one `legacy_content_upgraded` info diagnostic per message changed. Never mutates; returns
 * `message` itself when there was nothing to upgrade.
 */
export function upgradeLegacyContent<T>(message: T, diagnostics: Diagnostic[]): T {
  if (!isPlainObject(message) || !Array.isArray(message.content)) return message
  const content = message.content.map(upgradePart)
  if (content.every((part, i) => part === (message.content as unknown[])[i])) return message
  diagnostics.push({
    level: 'info',
    code: 'legacy_content_upgraded',
    message: `Upgraded a retired 'binary' content part of message '${String(message.id)}' to a typed media part.`,
  })
  return { ...message, content } as T
}

/** {@link upgradeLegacyContent} over a message list; returns `messages` itself when unchanged. */
export function upgradeLegacyMessages<T>(messages: T, diagnostics: Diagnostic[]): T {
  if (!Array.isArray(messages)) return messages
  const out = messages.map((m) => upgradeLegacyContent(m, diagnostics))
  return out.every((m, i) => m === messages[i]) ? messages : (out as T)
}
