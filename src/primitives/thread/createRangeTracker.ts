import type { Virtualizer } from '@tanstack/react-virtual'

type MessageListVirtualizer = Virtualizer<HTMLElement, HTMLElement>

/** What {@link createRangeTracker} returns. */
export interface RangeTracker {
  /** The `onChange` option: records what was notified, then calls `changed`. */
  onChange: (instance: MessageListVirtualizer) => void
  /**
   * Called during the render of the component running the virtualizer: when the window was
   * laid out for new options since the last notification (`readWindow`, during the Root's
   * render), notifies the library's React binding of it now, without calling `changed`.
   */
  catchUp: (instance: MessageListVirtualizer) => void
  /** Called on each notification of the library (scroll, resize, measurement). */
  changed: (() => void) | undefined
}

const rangeOf = (instance: MessageListVirtualizer) =>
  `${instance.range?.startIndex}:${instance.range?.endIndex}:${instance.isScrolling}`

/**
 * Keeps `@tanstack/react-virtual`'s binding in step with a window read outside its own render.
 * The binding re-renders its component when a notification finds the range (or `isScrolling`)
 * unlike the one it last notified; a window read during another component's render
 * (`Thread.Root` reading `readWindow` for a new message) moves the range without a notification,
 * so the next one, whatever its cause, would re-render the host for nothing: one more commit.
 * `catchUp` notifies it during the host's render instead, where the binding's re-render is a
 * render-phase update of that same component (React renders it again at once: no commit).
 */
export function createRangeTracker(): RangeTracker {
  let notified: string | undefined
  let quiet = false
  const tracker: RangeTracker = {
    changed: undefined,
    onChange: (instance) => {
      notified = rangeOf(instance)
      if (!quiet) tracker.changed?.()
    },
    catchUp: (instance) => {
      instance.getVirtualItems() // brings `range` up to date
      if (notified === undefined || rangeOf(instance) === notified) return
      quiet = true
      try {
        instance.options.onChange?.(instance, false)
      } finally {
        quiet = false
      }
    },
  }
  return tracker
}
