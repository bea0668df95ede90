import type { ProtolinkApprovalBroker } from './createProtolinkApprovalBroker'

/** Longest `GET /approvals/{id}?waitMs=` long poll, ms. */
export const MAX_APPROVAL_WAIT_MS = 60_000

const answer = (status: number, body?: unknown) =>
  body === undefined
    ? new Response(null, { status })
    : new Response(JSON.stringify(body), {
        status,
        headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
      })

const problem = (status: number, code: string, message: string) =>
  answer(status, { error: { code, message } })

/**
 * The approval endpoint as a web-standard handler (no Node APIs: also usable in a service
 * worker or an in-browser fake). `undefined` when `request` is not an approval route:
 * - `POST <pathPrefix>/approvals/{request_id}` with `{approved: boolean, reason?: string,
 *   request_id?: string}` → 200 `{request_id, approved, reason?}` (also for the same decision
 *   again); 409 `conflict` (decided otherwise before); 400 `invalid_json` / `invalid_decision`
 *   (`approved` not a boolean, `request_id` not the path's).
 * - `GET <pathPrefix>/approvals/{request_id}?waitMs=N` (N ≤ 60 000, default 0) → 200 the
 *   decision, or 204 when none came within N ms: the long poll a Protolink `ApprovalBroker` in
 *   another process uses.
 * - other methods on the route → 405.
 */
export async function handleProtolinkApproval(
  request: Request,
  broker: ProtolinkApprovalBroker,
  pathPrefix = '',
): Promise<Response | undefined> {
  const url = new URL(request.url)
  const base = `${pathPrefix.replace(/\/$/, '')}/approvals/`
  if (!url.pathname.startsWith(base)) return undefined
  const encoded = url.pathname.slice(base.length)
  if (encoded === '' || encoded.includes('/')) return undefined
  const requestId = decodeURIComponent(encoded)
  if (request.method === 'GET') {
    const waitMs = Math.min(
      Math.max(0, Number(url.searchParams.get('waitMs')) || 0),
      MAX_APPROVAL_WAIT_MS,
    )
    const decision = await broker
      .waitForDecision(requestId, { signal: request.signal, timeoutMs: waitMs })
      .catch(() => undefined)
    return decision ? answer(200, decision) : answer(204)
  }
  if (request.method !== 'POST') return problem(405, 'method_not_allowed', 'Use POST or GET.')
  let body: unknown
  try {
    body = await request.json()
  } catch {
    return problem(400, 'invalid_json', 'The body is not JSON.')
  }
  const b = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>
  if (typeof b.approved !== 'boolean')
    return problem(400, 'invalid_decision', '"approved" must be a boolean.')
  if (b.request_id !== undefined && b.request_id !== requestId)
    return problem(400, 'invalid_decision', '"request_id" does not match the path.')
  if (b.reason !== undefined && typeof b.reason !== 'string')
    return problem(400, 'invalid_decision', '"reason" must be a string.')
  const decision = {
    approved: b.approved,
    request_id: requestId,
    ...(typeof b.reason === 'string' && { reason: b.reason.slice(0, 2000) }),
  }
  const result = broker.decide(decision)
  if (result === 'conflict')
    return problem(409, 'conflict', `Request ${requestId} was already decided otherwise.`)
  return answer(200, decision)
}
