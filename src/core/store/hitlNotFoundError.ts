import { AgentError } from '../protocol/AgentError'

/**
 * The `not_found` error of a human-in-the-loop call on an approval or interrupt the thread does
 * not hold (`editArgs`, `respondToInterrupt`): one message whether the store's human-in-the-loop
 * layer is loaded or not.
 * @internal
 */
export function hitlNotFoundError(kind: 'approval' | 'interrupt', id: string): AgentError {
  return new AgentError(
    'not_found',
    kind === 'approval'
      ? `No approval for tool call '${id}' in this thread.`
      : `No open interrupt '${id}' in this thread.`,
  )
}
