import { useEffect, useState } from 'react'
import type { Highlighter, HighlightResult } from './CodeHighlight'

/** Results kept per highlighter (most recent last), so a remounted block shows at once. */
const MAX_CACHED = 200
const caches = new WeakMap<Highlighter, Map<string, HighlightResult>>()
let warned = false

function cacheOf(highlight: Highlighter): Map<string, HighlightResult> {
  let cache = caches.get(highlight)
  if (!cache) caches.set(highlight, (cache = new Map()))
  return cache
}

function remember(cache: Map<string, HighlightResult>, key: string, value: HighlightResult) {
  cache.delete(key)
  cache.set(key, value)
  if (cache.size > MAX_CACHED) cache.delete(cache.keys().next().value as string)
}

/**
 * The highlighted form of `code`, or `undefined` while there is none: no highlighter, the
 * block is still `open` (a streaming fence: highlighting waits for it to close, so the block
 * never flips between plain and highlighted while it grows), or the result is pending.
 * Results are cached per highlighter by language and code (last 200), so a block that mounts
 * again (a virtualized list) is highlighted in its first render.
 */
export function useHighlightedCode(
  highlight: Highlighter | undefined,
  code: string,
  language: string,
  open: boolean,
): HighlightResult | undefined {
  const key = `${language}\u0000${code}`
  const cached = highlight && !open ? caches.get(highlight)?.get(key) : undefined
  const [result, setResult] = useState<{ key: string; value: HighlightResult } | undefined>()

  useEffect(() => {
    if (!highlight || open || cached !== undefined) return
    let live = true
    Promise.resolve()
      .then(() => highlight(code, language))
      .then(
        (value) => {
          remember(cacheOf(highlight), key, value)
          if (live) setResult({ key, value })
        },
        (error: unknown) => {
          if (!warned) console.warn('[agent-wire-react] code highlighting failed:', error)
          warned = true
        },
      )
    return () => {
      live = false
    }
  }, [highlight, code, language, open, key, cached])

  if (!highlight || open) return undefined
  if (cached !== undefined) return cached
  return result?.key === key ? result.value : undefined
}
