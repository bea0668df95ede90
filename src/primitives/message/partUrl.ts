import type { ContentPart } from '../../core/protocol/types'

type MediaPart = Exclude<ContentPart, { type: 'text' }>

const WEB_URL = /^https?:\/\//i

/**
 * A URL for a multimodal content part's `source` that cannot run script, or `undefined`:
 * `url` sources only when `http(s):`; `data` sources (base64) only as the `src` of an image
 * (`as: 'image'`, with an `image/*` MIME type), never as a link (a `data:text/html` link would be
 * a page of the agent's making); `file` sources (a provider's file id) have no URL.
 */
export function partUrl(part: MediaPart, as: 'image' | 'link'): string | undefined {
  const source = (part as { source?: unknown }).source as
    { type?: unknown; value?: unknown; mimeType?: unknown } | undefined
  if (!source || typeof source.value !== 'string') return undefined
  if (source.type === 'url') {
    const url = source.value.trim()
    return WEB_URL.test(url) ? url : undefined
  }
  if (source.type === 'data' && as === 'image') {
    const mime = typeof source.mimeType === 'string' ? source.mimeType : ''
    return /^image\/[\w.+-]+$/i.test(mime) ? `data:${mime};base64,${source.value}` : undefined
  }
  return undefined
}
