import { forwardRef, useState, type HTMLAttributes } from 'react'
import { formatTimeLeft } from './formatTimeLeft'
import { formatMessage } from './schemaForm/SchemaFormMessages'
import { useCountdown } from './useCountdown'
import { visuallyHidden } from './visuallyHidden'

/** Strings of {@link Countdown}; `{time}` is the time left as `m:ss` / `h:mm:ss`. */
export interface CountdownLabels {
  /** Visible text while time is left. Default "Expires in {time}". */
  expiresIn: string
  /** Visible text, and the announcement, once the time is over. Default "Expired". */
  expired: string
  /** Announced once when the time left drops to one minute. Default "Expires in 1 minute". */
  expiresSoon: string
}

/** English defaults of {@link CountdownLabels}. */
export const defaultCountdownLabels: CountdownLabels = {
  expiresIn: 'Expires in {time}',
  expired: 'Expired',
  expiresSoon: 'Expires in 1 minute',
}

/** Props of {@link Countdown}. */
export interface CountdownProps extends HTMLAttributes<HTMLSpanElement> {
  /** When it expires, ms since epoch (`Date.now()` clock). `undefined` renders nothing. */
  expiresAt: number | undefined
  /** Overrides of the English strings. */
  labels?: Partial<CountdownLabels>
  /** Time left (ms) at which `expiresSoon` is announced. Default 60 000. */
  announceAt?: number
  /**
   * The owner already knows it expired (e.g. `Interrupt.Root`'s `data-state="expired"`): show
   * `Expired` now, so the text never lags the owner's state by a timer tick. Default `false`.
   */
  expired?: boolean
}

/**
 * The time left until `expiresAt`, updated every second: a `span[data-awr="countdown"]` with
 * `role="timer"` and `aria-live="off"` (the ticking text is never read out), `data-state`
 * `running | expired`, and a visually hidden polite live region inside it that announces only
 * twice: when one minute is left (`labels.expiresSoon`) and at expiry (`labels.expired`), and
 * only crossings that happen while it is mounted.
 */
export const Countdown = forwardRef<HTMLSpanElement, CountdownProps>(function Countdown(
  { expiresAt, labels: overrides, announceAt = 60_000, expired: expiredByOwner = false, ...props },
  ref,
) {
  const labels = { ...defaultCountdownLabels, ...overrides }
  const left = useCountdown(expiresAt)
  const [leftAtMount] = useState(left)
  if (left === undefined) return null
  const expired = left <= 0 || expiredByOwner
  const startedAbove = (threshold: number) => leftAtMount !== undefined && leftAtMount > threshold
  const announcement = expired
    ? startedAbove(0)
      ? labels.expired
      : ''
    : left <= announceAt && startedAbove(announceAt)
      ? labels.expiresSoon
      : ''
  return (
    <span
      role="timer"
      aria-live="off"
      {...props}
      ref={ref}
      data-awr="countdown"
      data-state={expired ? 'expired' : 'running'}
    >
      <span data-part="text">
        {expired ? labels.expired : formatMessage(labels.expiresIn, { time: formatTimeLeft(left) })}
      </span>
      <span style={visuallyHidden} aria-live="polite" aria-atomic="true" data-part="announcement">
        {announcement}
      </span>
    </span>
  )
})
