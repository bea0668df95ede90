/**
 * The resume and cancel endpoints of a run under an AG-UI endpoint (issue 6, "HTTP resume"):
 * `<url>/runs/<runId>/events|cancel`, keeping `url`'s query string and fragment.
 */
export function runRouteUrl(url: string | URL, runId: string, action: 'events' | 'cancel'): string {
  const text = String(url)
  const queryAt = text.search(/[?#]/)
  const path = queryAt < 0 ? text : text.slice(0, queryAt)
  const rest = queryAt < 0 ? '' : text.slice(queryAt)
  return `${path.replace(/\/+$/, '')}/runs/${encodeURIComponent(runId)}/${action}${rest}`
}
