import { useCallback, useEffect, useRef, useState } from 'react'
import { copyToClipboard } from './copyToClipboard'

/** State of a copy button: `copied`/`failed` for `resetMs` after a copy, then `idle` again. */
export type CopyState = 'idle' | 'copied' | 'failed'

/** Default time a copy button shows `copied`/`failed`, ms. */
export const COPY_RESET_MS = 2000

/**
 * A copy action with a transient result state, for copy buttons (`MessageActions.Copy`,
 * `CodeBlock`): `copy(text)` copies with {@link copyToClipboard} (Clipboard API, else the
 * `execCommand` fallback), sets `copied` or `failed`, and goes back to `idle` after `resetMs`
 * (ms, default {@link COPY_RESET_MS}). Resolves with whether it copied; never rejects.
 */
export function useCopyToClipboard(
  resetMs: number = COPY_RESET_MS,
): [CopyState, (text: string) => Promise<boolean>] {
  const [state, setState] = useState<CopyState>('idle')
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  const mounted = useRef(true)
  useEffect(() => {
    mounted.current = true
    return () => {
      mounted.current = false
      clearTimeout(timer.current)
    }
  }, [])
  const copy = useCallback(
    async (text: string) => {
      const ok = await copyToClipboard(text)
      if (!mounted.current) return ok
      setState(ok ? 'copied' : 'failed')
      clearTimeout(timer.current)
      timer.current = setTimeout(() => {
        if (mounted.current) setState('idle')
      }, resetMs)
      return ok
    },
    [resetMs],
  )
  return [state, copy]
}
