/**
 * Time left as a clock: `m:ss` under an hour (`0:42`, `4:05`), `h:mm:ss` from an hour. Seconds
 * round up, so "0:00" only shows once the time is over.
 *
 * @param ms Milliseconds left (negative counts as 0).
 */
export function formatTimeLeft(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000))
  const h = Math.floor(total / 3600)
  const m = Math.floor((total % 3600) / 60)
  const s = total % 60
  const ss = String(s).padStart(2, '0')
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`
}
