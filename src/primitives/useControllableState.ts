import { useCallback, useLayoutEffect, useRef, useState } from 'react'

/** Options of {@link useControllableState}. */
export interface ControllableStateOptions<T> {
  /** The controlled value; when not `undefined` the part is controlled and only reports changes. */
  prop?: T | undefined
  /** Initial value while uncontrolled. */
  defaultProp: T
  /** Called with every new value (controlled or not), only when it differs (`Object.is`). */
  onChange?: ((value: T) => void) | undefined
}

/**
 * State that is controlled (`prop` given) or uncontrolled (`defaultProp`), through one setter:
 * Radix's pattern, used by every stateful part (`mode` of `ToolApproval.Root`, ...). The setter is
 * stable and accepts a value or an updater of the current value.
 */
export function useControllableState<T>({
  prop,
  defaultProp,
  onChange,
}: ControllableStateOptions<T>): [T, (next: T | ((current: T) => T)) => void] {
  const [uncontrolled, setUncontrolled] = useState<T>(defaultProp)
  const controlled = prop !== undefined
  const value = controlled ? (prop as T) : uncontrolled
  const latest = useRef({ value, controlled, onChange })
  useLayoutEffect(() => {
    latest.current = { value, controlled, onChange }
  })
  const setValue = useCallback((next: T | ((current: T) => T)) => {
    const { value: current, controlled: isControlled, onChange: notify } = latest.current
    const resolved = typeof next === 'function' ? (next as (current: T) => T)(current) : (next as T)
    if (Object.is(resolved, current)) return
    latest.current = { ...latest.current, value: resolved }
    if (!isControlled) setUncontrolled(resolved)
    notify?.(resolved)
  }, [])
  return [value, setValue]
}
