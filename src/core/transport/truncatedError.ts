import { AgentError } from '../protocol/AgentError'

/**
 * The `truncated` error of a run whose stream ended before its terminal event (spec 1.1: the run
 * fails; the store shows it as truncated, with Retry): message `<why>: the run is truncated.`,
 * `cause` what ended it (if anything). @internal
 */
export function truncatedError(why: string, cause?: unknown): AgentError {
  return new AgentError('truncated', `${why}: the run is truncated.`, { cause })
}

/**
 * The `truncated` error of a run whose missed events cannot be replayed (`cause`: the
 * `replay_gap` or `run_not_found` error), so the store shows it as truncated, with Retry.
 */
export function truncatedBy(cause: AgentError): AgentError {
  return truncatedError(`The events the run missed cannot be replayed (${cause.message})`, cause)
}
