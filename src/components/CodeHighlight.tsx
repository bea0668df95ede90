import { createContext, useContext, type ReactNode } from 'react'

/**
 * What a highlighter returns for one code block: React nodes, or `{ html }`, markup the kit
 * inserts as is inside `<code>` (e.g. Shiki's or Prism's output). The highlighter is the app's
 * own code: it must escape the code it wraps (Shiki and Prism do), since the code is agent text.
 */
export type HighlightResult = ReactNode | { html: string }

/**
 * Highlights `code` (the block's text, without the fences) written in `language` (the fence's
 * info word, `''` when none). May return the result or a promise of it; a throw or rejection
 * leaves the block plain (reported once with `console.warn`).
 */
export type Highlighter = (
  code: string,
  language: string,
) => HighlightResult | Promise<HighlightResult>

/** React context behind {@link CodeHighlightProvider}: the highlighter, or `undefined` (plain). */
export const CodeHighlightContext = createContext<Highlighter | undefined>(undefined)

/** Props of {@link CodeHighlightProvider}. */
export interface CodeHighlightProviderProps {
  /** The highlighter code blocks below use; keep its identity stable (module scope or memo). */
  highlight: Highlighter | undefined
  children?: ReactNode
}

/**
 * Opts the code blocks of the markdown below (e.g. a whole `<Chat />`) in to syntax
 * highlighting. Without it code blocks are plain and no highlighter code is loaded: pair it with
 * {@link createLazyHighlighter} so the highlighter is fetched with a dynamic `import()` only
 * when the first complete code block renders.
 *
 * @example
 * const highlight = createLazyHighlighter(async () => {
 *   const { codeToHtml } = await import('shiki')
 *   return async (code, lang) => ({ html: await codeToHtml(code, { lang, theme: 'github-light' }) })
 * })
 * <CodeHighlightProvider highlight={highlight}><Chat /></CodeHighlightProvider>
 */
export function CodeHighlightProvider({
  highlight,
  children,
}: CodeHighlightProviderProps): ReactNode {
  return <CodeHighlightContext.Provider value={highlight}>{children}</CodeHighlightContext.Provider>
}

/** The highlighter of the nearest {@link CodeHighlightProvider}, or `undefined`. */
export function useCodeHighlighter(): Highlighter | undefined {
  return useContext(CodeHighlightContext)
}

/**
 * A {@link Highlighter} whose real implementation is loaded on first use: `load` (typically a
 * dynamic `import()`) runs once, when the first code block asks for highlighting, and never if
 * none does. A failed load is retried on the next block. The module may export the highlighter
 * as `default`.
 */
export function createLazyHighlighter(
  load: () => Promise<Highlighter | { default: Highlighter }>,
): Highlighter {
  let loading: Promise<Highlighter> | undefined
  return (code, language) => {
    loading ??= load().then(
      (loaded) => (typeof loaded === 'function' ? loaded : loaded.default),
      (error: unknown) => {
        loading = undefined
        throw error
      },
    )
    return loading.then((highlight) => highlight(code, language))
  }
}
