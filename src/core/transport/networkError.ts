import { AgentError } from '../protocol/AgentError'

/** What `error` says: an `Error`'s `message`, else `String(error)`. @internal */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/**
 * The `network` error of a request whose `fetch` rejected (DNS, reset, offline): message
 * `<what> failed: <the rejection's message>`, `cause` the rejection. @internal
 */
export function networkError(what: string, error: unknown): AgentError {
  return new AgentError('network', `${what} failed: ${errorText(error)}`, { cause: error })
}
