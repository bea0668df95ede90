const SAFE_PROTOCOL = /^(https?|mailto):/i

/**
 * Keeps only absolute `http:`, `https:` and `mailto:` URLs; anything else (`javascript:`,
 * `data:`, relative paths) is dropped, so the element renders without `href` / `src`.
 */
export function safeUrl(url: string): string | undefined {
  const trimmed = url.trim()
  return SAFE_PROTOCOL.test(trimmed) ? trimmed : undefined
}
