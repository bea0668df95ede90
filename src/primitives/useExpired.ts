import { useEffect, useState } from 'react'

/** The largest delay `setTimeout` honours (ms); longer waits are chained. */
const MAX_TIMEOUT_MS = 2_147_483_647

/**
 * Whether the time `expiresAt` (ms since epoch, `Date.now()` clock) has passed; flips to `true`
 * once, with one timer (no per-second renders). `undefined` never expires.
 */
export function useExpired(expiresAt: number | undefined): boolean {
  const [expiredFor, setExpiredFor] = useState<number | undefined>(() =>
    expiresAt !== undefined && Date.now() >= expiresAt ? expiresAt : undefined,
  )
  useEffect(() => {
    if (expiresAt === undefined) return
    let timer: ReturnType<typeof setTimeout> | undefined
    const check = () => {
      const left = expiresAt - Date.now()
      if (left <= 0) setExpiredFor(expiresAt)
      else timer = setTimeout(check, Math.min(left, MAX_TIMEOUT_MS))
    }
    check()
    return () => clearTimeout(timer)
  }, [expiresAt])
  return expiresAt !== undefined && expiredFor === expiresAt
}
