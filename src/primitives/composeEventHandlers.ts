/**
 * Composes a user's event handler with a part's own: the user's runs first; the part's runs
 * unless the user's called `event.preventDefault()` (Radix convention, so an app can veto a
 * part's behaviour, e.g. `onClick={(e) => { if (!confirm()) e.preventDefault() }}`).
 *
 * @param theirs The handler passed by the app (may be `undefined`).
 * @param ours The part's behaviour.
 * @returns One handler calling both.
 */
export function composeEventHandlers<E extends { defaultPrevented: boolean }>(
  theirs: ((event: E) => void) | undefined,
  ours: (event: E) => void,
): (event: E) => void {
  return (event: E) => {
    theirs?.(event)
    if (!event.defaultPrevented) ours(event)
  }
}
