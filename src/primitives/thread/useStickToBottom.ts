import { useCallback, useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react'

/** Options of {@link useStickToBottom}. */
export interface StickToBottomOptions {
  /** Distance from the end (px) within which the scroller counts as "at the bottom". */
  threshold: number
  /**
   * Follow content growth: scroll to the end whenever `content` resizes while stuck. Off when
   * something else (the virtualizer) keeps the list at the bottom; `atBottom` is tracked anyway.
   */
  follow: boolean
}

/** What {@link useStickToBottom} returns. */
export interface StickToBottom {
  /** Whether the scroller is within `threshold` px of its end; re-renders only when it flips. */
  atBottom: boolean
  /** Scrolls to the end and sticks again (content growth is followed until the user scrolls up). */
  scrollToBottom: () => void
  /**
   * Ref callback for one more element whose growth is followed while stuck, whatever `follow`
   * (e.g. the live row of a virtualized list, rendered in flow after the virtualized rows):
   * observing it rather than `content` keeps the virtualizer's own writes to the content's
   * height (made from its `ResizeObserver` callback) out of this observer.
   */
  followRef: (element: HTMLElement | null) => void
}

/** Calls `onResize` when `element` resizes (`ResizeObserver`, else `MutationObserver`, else never). */
function observeSize(element: HTMLElement, onResize: () => void): () => void {
  if (typeof ResizeObserver !== 'undefined') {
    const observer = new ResizeObserver(onResize)
    observer.observe(element)
    return () => observer.disconnect()
  }
  if (typeof MutationObserver !== 'undefined') {
    const observer = new MutationObserver(onResize)
    observer.observe(element, { childList: true, subtree: true, characterData: true })
    return () => observer.disconnect()
  }
  return () => {}
}

/**
 * Keeps a scroll container at its bottom while its content grows, unless the user scrolled up,
 * and reports whether it is at the bottom (for a "jump to latest" button). Reads the position
 * from native `scroll` events; observes `content` with `ResizeObserver` (falls back to
 * `MutationObserver` where there is none, e.g. jsdom). Content growing above the reader's place
 * keeps it through the browser's scroll anchoring.
 */
export function useStickToBottom(
  scrollerRef: RefObject<HTMLElement | null>,
  contentRef: RefObject<HTMLElement | null>,
  { threshold, follow }: StickToBottomOptions,
): StickToBottom {
  const stickRef = useRef(true)
  // Where our last write put scrollTop, until the scroll event it causes arrives.
  const writtenRef = useRef<number | null>(null)
  const [atBottom, setAtBottom] = useState(true)

  const scrollNow = useCallback(() => {
    const el = scrollerRef.current
    if (!el) return
    el.scrollTop = el.scrollHeight
    writtenRef.current = el.scrollTop
  }, [scrollerRef])

  useEffect(() => {
    const el = scrollerRef.current
    if (!el) return
    const onScroll = () => {
      const written = writtenRef.current
      writtenRef.current = null
      // Our own write's event (the position is where we put it): content that grew since then
      // is not the reader scrolling up, stay stuck (the resize observer follows).
      if (written !== null && stickRef.current && Math.abs(el.scrollTop - written) < 1) return
      const bottom = el.scrollHeight - el.scrollTop - el.clientHeight <= threshold
      stickRef.current = bottom
      setAtBottom(bottom)
    }
    el.addEventListener('scroll', onScroll, { passive: true })
    return () => el.removeEventListener('scroll', onScroll)
  }, [scrollerRef, threshold])

  useLayoutEffect(() => {
    const content = contentRef.current
    if (!follow || !content) return
    const onResize = () => {
      if (stickRef.current) scrollNow()
    }
    onResize()
    return observeSize(content, onResize)
  }, [contentRef, follow, scrollNow])

  const stopFollowing = useRef<(() => void) | undefined>(undefined)
  const followRef = useCallback(
    (element: HTMLElement | null) => {
      stopFollowing.current?.()
      stopFollowing.current = element
        ? observeSize(element, () => {
            if (stickRef.current) scrollNow()
          })
        : undefined
    },
    [scrollNow],
  )

  const scrollToBottom = useCallback(() => {
    stickRef.current = true
    setAtBottom(true)
    scrollNow()
  }, [scrollNow])

  return { atBottom, scrollToBottom, followRef }
}
