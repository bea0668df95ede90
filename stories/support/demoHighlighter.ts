import type { Highlighter } from 'agent-wire-react'

const KEYWORDS =
  /\b(?:const|let|var|function|return|if|else|for|while|import|from|export|async|await|new|class|def|print)\b/g

const escape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

/**
 * A tiny keyword highlighter standing in for Shiki or Prism in the stories: it escapes the code
 * first, then wraps keywords in `<span class="demo-keyword">`. Loaded with a dynamic `import()`
 * by `createLazyHighlighter`, so it is fetched only when a story's code block closes.
 */
const highlight: Highlighter = (code) => ({
  html: escape(code).replace(
    KEYWORDS,
    (word) => `<span class="demo-keyword" style="color:#cf222e;font-weight:600">${word}</span>`,
  ),
})

export default highlight
