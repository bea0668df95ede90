import { useEffect, useMemo, useRef, useSyncExternalStore } from 'react'
import type { AgentSnapshot } from '../core/reducer/AgentSnapshot'
import type { AgentStore } from '../core/store/AgentStore'
import { useStoreOf } from './useAgentStore'

/** The last rendered selection, kept across selector identities (inline selectors). */
interface Rendered<T> {
  hasValue: boolean
  value: T | undefined
}

/**
 * A memoized `getSnapshot` for `useSyncExternalStore`: the same selection for the same store
 * snapshot, and the previous selection (last rendered, or last computed) when `isEqual` holds,
 * so an unchanged selection never re-renders (the scheme of React's `useSyncExternalStoreWithSelector`).
 */
function createGetSelection<T>(
  store: AgentStore,
  selector: (snapshot: AgentSnapshot) => T,
  isEqual: (a: T, b: T) => boolean,
  rendered: { current: Rendered<T> },
): () => T {
  let memo: { snapshot: AgentSnapshot; selection: T } | undefined
  return () => {
    const snapshot = store.getSnapshot()
    if (memo !== undefined && memo.snapshot === snapshot) return memo.selection
    const next = selector(snapshot)
    const previous: Rendered<T> = memo
      ? { hasValue: true, value: memo.selection }
      : rendered.current
    const selection =
      previous.hasValue && isEqual(previous.value as T, next) ? (previous.value as T) : next
    memo = { snapshot, selection }
    return selection
  }
}

/**
 * The selector engine behind every hook; the kit's only `useSyncExternalStore` call site
 * (design.md rule 3). `hook` names the calling hook in the outside-provider error.
 * @internal
 */
export function useSelect<T>(
  hook: string,
  selector: (snapshot: AgentSnapshot) => T,
  isEqual: (a: T, b: T) => boolean,
): T {
  const store = useStoreOf(hook)
  const rendered = useRef<Rendered<T>>({ hasValue: false, value: undefined })
  const getSelection = useMemo(
    // The ref is read only inside getSnapshot, as in React's own useSyncExternalStoreWithSelector.
    // eslint-disable-next-line react-hooks/refs
    () => createGetSelection(store, selector, isEqual, rendered),
    [store, selector, isEqual],
  )
  const selection = useSyncExternalStore(store.subscribe, getSelection, getSelection)
  useEffect(() => {
    rendered.current = { hasValue: true, value: selection }
  }, [selection])
  return selection
}

/**
 * Subscribes the component to a slice of the {@link AgentSnapshot}: it re-renders only when
 * `isEqual(previous, next)` is false for the selected value. The store publishes at most once
 * per animation frame, so a streaming run costs at most one commit per frame.
 *
 * `selector` may be an inline function: the last selection is kept across renders, so a new
 * selector identity returning an equal value does not re-render. Select stable references
 * (the reducer shares untouched branches) or pass an `isEqual` such as {@link shallowEqual}
 * when the selector builds new objects.
 *
 * @param selector Pure function of the snapshot.
 * @param isEqual Equality of two selections. Default: `Object.is`.
 * @throws Error naming `AgentProvider` when called outside one.
 * @example
 * const count = useAgentSelector((s) => s.messages.length)
 */
export function useAgentSelector<T>(
  selector: (snapshot: AgentSnapshot) => T,
  isEqual: (a: T, b: T) => boolean = Object.is,
): T {
  return useSelect('useAgentSelector', selector, isEqual)
}
