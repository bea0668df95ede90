import { forwardRef, useState, type AnchorHTMLAttributes, type ImgHTMLAttributes } from 'react'
import type { ContentPart, ImagePart } from '../../core/protocol/types'
import { composeEventHandlers } from '../composeEventHandlers'
import { partUrl } from './partUrl'

/** A non-text content part: image, audio, video, document, or a type this version does not know. */
export type MediaContentPart = Exclude<ContentPart, { type: 'text' }>

function metaString(part: { metadata?: unknown }, key: string): string | undefined {
  const meta = part.metadata as Record<string, unknown> | undefined
  const value = meta && typeof meta === 'object' ? meta[key] : undefined
  return typeof value === 'string' && value !== '' ? value : undefined
}

/**
 * The name shown for a media part: `metadata.filename`, else `metadata.name`, else its type and
 * MIME type (`document (application/pdf)`).
 */
export function partLabel(part: MediaContentPart): string {
  const named = metaString(part, 'filename') ?? metaString(part, 'name')
  if (named) return named
  const source = (part as { source?: { mimeType?: unknown } }).source
  const mime = typeof source?.mimeType === 'string' ? source.mimeType : undefined
  return mime ? `${String(part.type)} (${mime})` : String(part.type)
}

/** Props of `Message.Image`. */
export interface MessageImageProps extends Omit<
  ImgHTMLAttributes<HTMLImageElement>,
  'src' | 'part'
> {
  /** The image part. */
  part: ImagePart
}

/**
 * An image part: `img[data-awr="message-image"]` with a safe `src` (see `partUrl`: http(s) URLs,
 * base64 `image/*` data) and `alt` from `metadata.alt` (else the `alt` prop, default "Image").
 * Without a safe source, or once the image fails to load, it renders a placeholder
 * `span[data-awr="message-image"][data-state="blocked|error"]` holding the alt text instead
 * (with the same `className` and `style`).
 */
export const Image = forwardRef<HTMLImageElement, MessageImageProps>(function Image(
  { part, alt = 'Image', onError, ...rest },
  ref,
) {
  const [failed, setFailed] = useState(false)
  const src = partUrl(part, 'image')
  const text = metaString(part, 'alt') ?? alt
  if (!src || failed) {
    return (
      <span
        role="img"
        aria-label={text}
        className={rest.className}
        style={rest.style}
        data-awr="message-image"
        data-state={src ? 'error' : 'blocked'}
      >
        {text}
      </span>
    )
  }
  return (
    <img
      loading="lazy"
      referrerPolicy="no-referrer"
      {...rest}
      ref={ref}
      src={src}
      alt={text}
      data-awr="message-image"
      data-state="loaded"
      onError={composeEventHandlers(onError, () => setFailed(true))}
    />
  )
})

/** Props of `Message.File`. */
export interface MessageFileProps extends Omit<
  AnchorHTMLAttributes<HTMLAnchorElement>,
  'href' | 'part'
> {
  /** An audio, video or document part (or one of an unknown type). */
  part: MediaContentPart
}

/**
 * Any other multimodal part (audio, video, document, unknown types): a link
 * `a[data-awr="message-file"]` opening its http(s) URL in a new tab (`rel="noopener noreferrer
 * nofollow"`), else a placeholder `span[data-awr="message-file"]` (inline data, a provider file
 * id, an unsafe URL). Both carry `data-type` and show {@link partLabel} unless children replace
 * it. Never renders the bytes and never throws on a malformed part.
 */
export const File = forwardRef<HTMLAnchorElement, MessageFileProps>(function File(
  { part, children, ...rest },
  ref,
) {
  const url = partUrl(part, 'link')
  const label = children ?? partLabel(part)
  if (!url) {
    return (
      <span
        className={rest.className}
        style={rest.style}
        data-awr="message-file"
        data-type={String(part.type)}
        data-state="placeholder"
      >
        {label}
      </span>
    )
  }
  return (
    <a
      target="_blank"
      rel="noopener noreferrer nofollow"
      {...rest}
      ref={ref}
      href={url}
      data-awr="message-file"
      data-type={String(part.type)}
      data-state="link"
    >
      {label}
    </a>
  )
})
