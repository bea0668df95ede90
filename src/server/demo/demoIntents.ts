/** Default `expiresAt` distance of the meeting interrupt, in milliseconds (2 minutes). */
export const DEFAULT_INTERRUPT_TTL_MS = 120_000

/** What a user message asks the demo agent for, beyond adding a task. */
export interface DemoIntent {
  /** "delete (all) (the) done tasks": one gated `delete_task` call per done task. */
  deleteDone: boolean
  /** "send / email (me) the report": a gated `send_report` call. */
  sendReport: boolean
  /** "dark mode", "light theme", "switch the theme to dark": the frontend tool `set_theme`. */
  theme?: 'light' | 'dark'
  /** "notify me <text>", "show a notification <text>": the frontend tool `show_notification`. */
  notification?: string
  /** "book / schedule a meeting": an `input_required` interrupt. */
  meeting: boolean
  /**
   * "… expires in 5 seconds" / "… within 2 minutes": the meeting interrupt's time to live in
   * milliseconds (1 s to 10 min), else `undefined` (the agent's default).
   */
  ttlMs?: number
}

const DEFAULT_NOTIFICATION = 'Hello from the demo agent!'

function ttlFor(text: string): number | undefined {
  const match =
    /\b(?:expires?|expiring|within|in)\s+(\d{1,4})\s*(s|sec|secs|seconds?|m|min|mins|minutes?)\b/i.exec(
      text,
    )
  if (!match) return undefined
  const ms = Number(match[1]) * (match[2].toLowerCase().startsWith('m') ? 60_000 : 1000)
  return Math.min(600_000, Math.max(1000, ms))
}

function themeFor(text: string): 'light' | 'dark' | undefined {
  const match =
    /\b(dark|light)\s+(?:mode|theme)\b/i.exec(text) ??
    /\btheme\b.*?\b(dark|light)\b/i.exec(text) ??
    /\bswitch\s+to\s+(dark|light)\b/i.exec(text)
  return match ? (match[1].toLowerCase() as 'light' | 'dark') : undefined
}

function notificationFor(text: string): string | undefined {
  const match =
    /\b(?:notify me|show (?:me )?a notification)\b(?:\s*(?:that|saying|about|:)\s*)?(.*)$/i.exec(
      text,
    )
  if (!match) return undefined
  const body = match[1]
    .replace(/^["“']|["”']$/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 120)
  return body || DEFAULT_NOTIFICATION
}

/**
 * Reads what a user message asks for (case-insensitive, see {@link DemoIntent}). Messages that
 * ask for none of it get the demo's default flow (add a task).
 *
 * @example detectIntent('Delete all done tasks and email me the report')
 * // { deleteDone: true, sendReport: true, meeting: false }
 */
export function detectIntent(text: string): DemoIntent {
  return {
    deleteDone: /\b(?:delete|remove)\b.*?\bdone\b/i.test(text),
    sendReport: /\b(?:send|e-?mail|mail)\b.*?\breports?\b/i.test(text),
    theme: themeFor(text),
    notification: notificationFor(text),
    meeting: /\b(?:book|schedule|set up)\b.*?\bmeeting\b/i.test(text),
    ttlMs: ttlFor(text),
  }
}
