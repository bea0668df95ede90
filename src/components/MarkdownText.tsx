import {
  lazy,
  memo,
  Suspense,
  useMemo,
  type ComponentType,
  type CSSProperties,
  type ReactNode,
} from 'react'
import type { MarkdownBlocksProps } from './MarkdownBlocks'
import { splitMarkdownBlocks } from './splitMarkdownBlocks'

export { safeUrl } from './safeUrl'

/** Props of {@link MarkdownText}. */
export interface MarkdownTextProps {
  /** Markdown source (CommonMark + GFM: tables, task lists, strikethrough, autolinks). */
  text: string
  className?: string
}

type Renderer = ComponentType<MarkdownBlocksProps>

const PLAIN: CSSProperties = { whiteSpace: 'pre-wrap' }

/** The text as plain paragraphs, one per chunk: shown until the renderer is loaded. */
function PlainBlocks({ blocks }: MarkdownBlocksProps): ReactNode {
  return blocks.map((block, index) => (
    <p key={index} style={PLAIN}>
      {block.trimEnd()}
    </p>
  ))
}

let renderer: Renderer | undefined
let loading: Promise<{ default: Renderer }> | undefined

/**
 * Starts loading the markdown renderer (`react-markdown` + `remark-gfm`, ~35 kB gzipped, its own
 * chunk) if it is not loaded yet; resolves once it is. `MarkdownText` calls it on first render;
 * call it earlier (e.g. when the chat opens, or before a test or server render) so the first
 * reply renders as markdown at once. Never rejects: if the chunk cannot be loaded, the error is
 * logged and the text stays plain.
 */
export function preloadMarkdown(): Promise<void> {
  loading ??= import('./MarkdownBlocks').then(
    (module) => {
      renderer = module.MarkdownBlocks
      return { default: renderer }
    },
    (error: unknown) => {
      loading = undefined
      console.error('[agent-wire-react] loading the markdown renderer failed:', error)
      return { default: PlainBlocks }
    },
  )
  return loading.then(() => undefined)
}

/** React.lazy's loader: once the renderer is loaded, a synchronous thenable (see below). */
function loadRenderer(): Promise<{ default: Renderer }> {
  const loaded = renderer
  if (!loaded) {
    void preloadMarkdown()
    return loading!
  }
  // React settles a lazy component whose thenable resolves synchronously in the same render
  // pass: no fallback frame once the renderer is loaded, in renderToString too.
  const settled = {
    then: (resolve: (m: { default: Renderer }) => void) => resolve({ default: loaded }),
  }
  return settled as unknown as Promise<{ default: Renderer }>
}

const LazyBlocks = lazy(loadRenderer)

/**
 * Renders assistant markdown safely with `react-markdown` + `remark-gfm`:
 * - raw HTML in the source is dropped (`skipHtml`; no `rehype-raw`), never rendered;
 * - links keep only `http:`/`https:`/`mailto:` hrefs (others render as plain text) and open in a
 *   new tab with `rel="noopener noreferrer nofollow"`;
 * - code renders as a `CodeBlock` (language label, copy button, optional lazy highlighting
 *   through `CodeHighlightProvider`; an open fence stays plain while it streams);
 * - tables are wrapped in a horizontally scrollable `div.awr-table-wrap`.
 *
 * The renderer is loaded on first use (see {@link preloadMarkdown}): until then the text shows
 * as plain paragraphs (`white-space: pre-wrap`), so nothing is hidden or jumps.
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
      <Suspense fallback={<PlainBlocks blocks={blocks} />}>
        <LazyBlocks blocks={blocks} />
      </Suspense>
    </div>
  )
})
