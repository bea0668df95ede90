import { memo, useMemo, type ComponentPropsWithoutRef, type ReactNode } from 'react'
import Markdown, { type Components } from 'react-markdown'
import remarkGfm from 'remark-gfm'
import { MarkdownCodeBlock, MarkdownSourceContext } from './MarkdownCodeBlock'
import { splitMarkdownBlocks } from './splitMarkdownBlocks'

/** Props of {@link MarkdownText}. */
export interface MarkdownTextProps {
  /** Markdown source (CommonMark + GFM: tables, task lists, strikethrough, autolinks). */
  text: string
  className?: string
}

const SAFE_PROTOCOL = /^(https?|mailto):/i

/**
 * Keeps only absolute `http:`, `https:` and `mailto:` URLs; anything else (`javascript:`,
 * `data:`, relative paths) is dropped, so the element renders without `href` / `src`.
 */
export function safeUrl(url: string): string | undefined {
  const trimmed = url.trim()
  return SAFE_PROTOCOL.test(trimmed) ? trimmed : undefined
}

function SafeLink({
  href,
  children,
  node: _node,
  ...rest
}: ComponentPropsWithoutRef<'a'> & { node?: unknown }) {
  const url = href ? safeUrl(href) : undefined
  if (!url) return <span className="awr-link-blocked">{children}</span>
  return (
    <a {...rest} href={url} target="_blank" rel="noopener noreferrer nofollow">
      {children}
    </a>
  )
}

function Table({
  children,
  node: _node,
  ...rest
}: ComponentPropsWithoutRef<'table'> & { node?: unknown }) {
  return (
    <div className="awr-table-wrap">
      <table {...rest}>{children}</table>
    </div>
  )
}

function SafeImage({
  src,
  alt,
  node: _node,
  ...rest
}: ComponentPropsWithoutRef<'img'> & { node?: unknown }) {
  const url = typeof src === 'string' ? safeUrl(src) : undefined
  if (!url || url.startsWith('mailto:')) return <span className="awr-image-blocked">{alt}</span>
  return <img {...rest} src={url} alt={alt ?? ''} loading="lazy" referrerPolicy="no-referrer" />
}

const components: Components = { a: SafeLink, pre: MarkdownCodeBlock, table: Table, img: SafeImage }
const remarkPlugins = [remarkGfm]

/** One top-level chunk of the text; memoized, so an unchanged chunk is never parsed again. */
const MarkdownBlock = memo(function MarkdownBlock({ text }: { text: string }): ReactNode {
  return (
    <MarkdownSourceContext.Provider value={text}>
      <Markdown
        remarkPlugins={remarkPlugins}
        components={components}
        skipHtml
        urlTransform={safeUrl}
      >
        {text}
      </Markdown>
    </MarkdownSourceContext.Provider>
  )
})

/**
 * Renders assistant markdown safely with `react-markdown` + `remark-gfm`:
 * - raw HTML in the source is dropped (`skipHtml`; no `rehype-raw`), never rendered;
 * - links keep only `http:`/`https:`/`mailto:` hrefs (others render as plain text) and open in a
 *   new tab with `rel="noopener noreferrer nofollow"`;
 * - code renders as a `CodeBlock` (language label, copy button, optional lazy highlighting
 *   through `CodeHighlightProvider`; an open fence stays plain while it streams);
 * - tables are wrapped in a horizontally scrollable `div.awr-table-wrap`.
 *
 * Memoized on `text`. The text is parsed in top-level chunks (`splitMarkdownBlocks`), each
 * memoized: while a message streams, only its last chunk is parsed again per update, so the cost
 * per frame does not grow with the message's length.
 */
export const MarkdownText = memo(function MarkdownText({
  text,
  className,
}: MarkdownTextProps): ReactNode {
  const blocks = useMemo(() => splitMarkdownBlocks(text), [text])
  return (
    <div className={className ? `awr-markdown ${className}` : 'awr-markdown'}>
      {blocks.map((block, index) => (
        <MarkdownBlock key={index} text={block} />
      ))}
    </div>
  )
})
