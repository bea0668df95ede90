import { memo, type ComponentPropsWithoutRef, type ReactNode } from 'react'
import Markdown, { type Components } from 'react-markdown'
import remarkGfm from 'remark-gfm'
import { MarkdownCodeBlock, MarkdownSourceContext } from './MarkdownCodeBlock'
import { safeUrl } from './safeUrl'

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

/**
 * How markdown elements render (react-markdown `components`): safe links and images, scrollable
 * tables, code as `CodeBlock`. Add an element's renderer here.
 */
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

/** Props of {@link MarkdownBlocks}. @internal */
export interface MarkdownBlocksProps {
  /** The text in top-level chunks (`splitMarkdownBlocks`). */
  blocks: readonly string[]
}

/**
 * The markdown renderer of `MarkdownText` (`react-markdown` + `remark-gfm`, ~35 kB gzipped), in
 * a chunk of its own that `MarkdownText` loads on first use: raw HTML dropped (`skipHtml`),
 * URLs through `safeUrl`, each chunk parsed by a memoized `MarkdownBlock`.
 * @internal
 */
export function MarkdownBlocks({ blocks }: MarkdownBlocksProps): ReactNode {
  return blocks.map((block, index) => <MarkdownBlock key={index} text={block} />)
}
