import { memo, type ReactNode } from 'react'
import { useCopyToClipboard } from '../primitives/useCopyToClipboard'
import { useChatContext } from './ChatContext'
import { CopyStatus, copyLabel } from './CopyStatus'
import { useCodeHighlighter, type Highlighter, type HighlightResult } from './CodeHighlight'
import { useHighlightedCode } from './useHighlightedCode'

/** Props of {@link CodeBlock}. */
export interface CodeBlockProps {
  /** The code, without fences (Copy leaves out one trailing newline). */
  code: string
  /** The language (the fence's info word, e.g. `ts`); shown in the header. Default none. */
  language?: string
  /**
   * The block is still streaming (an open fence): shown plain, never highlighted, until it
   * closes. Default `false`.
   */
  open?: boolean
  /** Highlighter for this block. Default: the nearest `CodeHighlightProvider`'s (none: plain). */
  highlight?: Highlighter
}

const isHtml = (value: HighlightResult): value is { html: string } =>
  typeof value === 'object' && value !== null && 'html' in value && typeof value.html === 'string'

/**
 * A code block with a header (language label, Copy button with a "Copied" state and a
 * fallback when the Clipboard API is missing) and optional lazy highlighting (see
 * `CodeHighlightProvider`; without one nothing is loaded and the code is plain text).
 *
 * DOM: `div.awr-code[data-awr="code-block"][data-language][data-state="plain|highlighted"]`
 * holding `div.awr-code-header` and `pre.awr-code-block > code.language-<lang>`. The `pre` is
 * focusable (it scrolls horizontally). Labels: `copy`, `copied`, `copyFailed`, `copyCode`.
 * Agent code is rendered as text; only a highlighter's `{ html }` is inserted as markup.
 */
export const CodeBlock = memo(function CodeBlock({
  code,
  language = '',
  open = false,
  highlight: highlightProp,
}: CodeBlockProps): ReactNode {
  const { labels } = useChatContext()
  const fromContext = useCodeHighlighter()
  const highlighted = useHighlightedCode(highlightProp ?? fromContext, code, language, open)
  const [copyState, copy] = useCopyToClipboard()
  const copyText = copyLabel(labels, copyState)
  const copyName = labels.copyCode.replace('{language}', language).replace(/\s+/g, ' ').trim()
  const className = language ? `language-${language}` : undefined
  return (
    <div
      className="awr-code"
      data-awr="code-block"
      data-language={language || undefined}
      data-state={highlighted === undefined ? 'plain' : 'highlighted'}
      data-open={open || undefined}
    >
      <div className="awr-code-header">
        <span className="awr-code-language">{language}</span>
        <button
          type="button"
          className="awr-action-button"
          data-state={copyState}
          aria-label={copyState === 'idle' ? copyName : undefined}
          disabled={code === ''}
          onClick={() => void copy(code.replace(/\n$/, ''))}
        >
          {copyText}
        </button>
        <CopyStatus labels={labels} state={copyState} />
      </div>
      <pre className="awr-code-block" tabIndex={0}>
        {highlighted !== undefined && isHtml(highlighted) ? (
          <code className={className} dangerouslySetInnerHTML={{ __html: highlighted.html }} />
        ) : (
          <code className={className}>{highlighted ?? code}</code>
        )}
      </pre>
    </div>
  )
})
