import { createContext, useContext, type ComponentPropsWithoutRef, type ReactNode } from 'react'
import { CodeBlock } from './CodeBlock'

/**
 * The markdown source a `MarkdownText` chunk renders, so {@link MarkdownCodeBlock} can tell an
 * open (still streaming) fence from a closed one. Provided by `MarkdownText`.
 */
export const MarkdownSourceContext = createContext('')

/** The hast subset {@link MarkdownCodeBlock} reads (react-markdown's `node` prop). */
interface HastNode {
  type: string
  tagName?: string
  value?: string
  properties?: { className?: unknown }
  children?: HastNode[]
  position?: { start: { offset?: number }; end: { offset?: number } }
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/

function textOf(node: HastNode): string {
  if (node.type === 'text') return node.value ?? ''
  return (node.children ?? []).map(textOf).join('')
}

/**
 * True when the fenced block at `[start, end)` of `source` has no closing fence yet: it runs to
 * the end of the source and its last line is not a fence of the same kind, at least as long.
 */
export function isOpenFence(source: string, start: number, end: number): boolean {
  const block = source.slice(start, end)
  const opening = FENCE.exec(block)
  if (!opening || end < source.trimEnd().length) return false
  const lines = block.trimEnd().split('\n')
  if (lines.length < 2) return true
  const last = lines[lines.length - 1].trim()
  const marker = opening[1]
  return !(last[0] === marker[0] && /^(`+|~+)$/.test(last) && last.length >= marker.length)
}

/**
 * react-markdown's `pre` for `MarkdownText`: renders the fenced or indented code as a
 * {@link CodeBlock} (language label, copy, optional lazy highlighting); an open fence (the
 * reply is still streaming it) stays plain until it closes, so the block does not flicker.
 */
export function MarkdownCodeBlock({
  node,
  children,
  ...rest
}: ComponentPropsWithoutRef<'pre'> & { node?: unknown }): ReactNode {
  const source = useContext(MarkdownSourceContext)
  const pre = node as HastNode | undefined
  const code = pre?.children?.find((child) => child.tagName === 'code')
  if (!pre || !code) {
    return (
      <pre {...rest} className="awr-code-block" tabIndex={0}>
        {children}
      </pre>
    )
  }
  const classes = Array.isArray(code.properties?.className) ? code.properties.className : []
  const language = classes
    .map(String)
    .find((name) => name.startsWith('language-'))
    ?.slice('language-'.length)
  const start = pre.position?.start.offset
  const end = pre.position?.end.offset
  const open = start !== undefined && end !== undefined && isOpenFence(source, start, end)
  return <CodeBlock code={textOf(code)} language={language} open={open} />
}
