import { useCallback } from 'react'
import { useSelect } from './useAgentSelector'
import { useStoreOf } from './useAgentStore'

/** Replaces the agent state: a value, or an updater of the previous state. */
export type SetAgentState<S> = (stateOrUpdater: S | ((previous: S) => S)) => void

const identity = <S>(state: S) => state

/**
 * The shared agent state (`snapshot.state`, from `STATE_SNAPSHOT`/`STATE_DELTA`, spec 1.1
 * "State management"), or a slice of it, and a setter. `setState` is stable; it replaces the
 * state in the store at once (sent as `RunAgentInput.state` with the next run). The
 * component re-renders only when the selected value changes (`Object.is`).
 *
 * @typeParam S The state's shape (not validated: the agent owns it).
 * @throws Error naming `AgentProvider` when called outside one.
 * @example
 * const [count, setState] = useAgentState((s: { count: number }) => s.count)
 * setState((s) => ({ ...s, count: s.count + 1 }))
 */
export function useAgentState<S = unknown, T = S>(
  selector?: (state: S) => T,
): [T, SetAgentState<S>] {
  const store = useStoreOf('useAgentState')
  const select = selector ?? (identity as (state: S) => T)
  const selected = useSelect('useAgentState', (snapshot) => select(snapshot.state as S), Object.is)
  const setState = useCallback<SetAgentState<S>>(
    (stateOrUpdater) => store.setState(stateOrUpdater),
    [store],
  )
  return [selected, setState]
}
