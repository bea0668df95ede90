import type { Ref, RefCallback } from 'react'

/** Sets one ref (callback or object) to `value`. */
function setRef<T>(ref: Ref<T> | undefined, value: T | null): void {
  if (typeof ref === 'function') ref(value)
  else if (ref) (ref as { current: T | null }).current = value
}

/**
 * One callback ref that forwards the node to every given ref (callback or object refs;
 * `undefined`/`null` entries are skipped). Used by {@link Slot} and parts that need their own
 * ref next to the app's.
 */
export function composeRefs<T>(...refs: Array<Ref<T> | undefined>): RefCallback<T> {
  return (node: T | null) => {
    for (const ref of refs) setRef(ref, node)
  }
}
