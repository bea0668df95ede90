import { useEffect, useState } from 'react'

/**
 * Milliseconds left until `expiresAt` (ms since epoch, `Date.now()` clock), never below 0;
 * re-renders once per second (on whole-second boundaries of the time left) until it reaches 0.
 * `undefined` when `expiresAt` is.
 */
export function useCountdown(expiresAt: number | undefined): number | undefined {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    if (expiresAt === undefined) return
    let timer: ReturnType<typeof setTimeout> | undefined
    const tick = () => {
      const current = Date.now()
      setNow(current)
      const left = expiresAt - current
      if (left > 0) timer = setTimeout(tick, left % 1000 || 1000)
    }
    tick()
    return () => clearTimeout(timer)
  }, [expiresAt])
  return expiresAt === undefined ? undefined : Math.max(0, expiresAt - now)
}
