import { AgentError } from '../protocol/AgentError'
import type { HttpAgentOptions } from './HttpAgentOptions'
import { readTextPrefix } from './readResponse'
import { runRouteUrl } from './runRouteUrl'

/**
 * `HttpAgent.cancelRun`: `POST`s run `runId`'s cancel endpoint (`options.cancelUrl`, default
 * `<url>/runs/<runId>/cancel`) through `post`, which adds the agent's headers.
 * @throws AgentError `http_error` (non-2xx; `status`, `body` = first 4 096 chars), `network`
 *   (`fetch` rejected), or `invalid_response` when `cancelUrl` is `false`.
 */
export async function cancelHttpRun(
  options: Pick<HttpAgentOptions, 'url' | 'cancelUrl'>,
  runId: string,
  post: (target: string) => Promise<Response>,
): Promise<void> {
  const { cancelUrl, url } = options
  if (cancelUrl === false)
    throw new AgentError(
      'invalid_response',
      'This HttpAgent has no cancel endpoint (cancelUrl: false).',
    )
  const target =
    typeof cancelUrl === 'function'
      ? cancelUrl(runId)
      : (cancelUrl ?? runRouteUrl(url, runId, 'cancel'))
  let response: Response
  try {
    response = await post(target)
  } catch (error) {
    const message = `The cancel request to ${target} failed: ${error instanceof Error ? error.message : String(error)}`
    throw new AgentError('network', message, { cause: error })
  }
  const body = await readTextPrefix(response)
  if (!response.ok) {
    const { status } = response
    throw new AgentError(
      'http_error',
      `Cancelling run ${runId}: HTTP ${status}: ${body.slice(0, 200)}`,
      {
        status,
        body,
      },
    )
  }
}
