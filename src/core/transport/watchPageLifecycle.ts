/** The part of `window` the transports watch: `online`/`offline` events and `navigator.onLine`. */
export interface WindowLike {
  addEventListener(type: string, listener: () => void): void
  removeEventListener(type: string, listener: () => void): void
  navigator?: { onLine?: boolean }
}

/** The part of `document` the transports watch: `visibilitychange` and `visibilityState`. */
export interface DocumentLike {
  addEventListener(type: string, listener: () => void): void
  removeEventListener(type: string, listener: () => void): void
  visibilityState?: string
}

/** Reactions to page lifecycle changes; see {@link watchPageLifecycle}. */
export interface PageLifecycleHandlers {
  online(): void
  offline(): void
  visible(): void
  hidden(): void
}

/** `globalThis.window` when it looks like one (browsers), else `undefined` (Node, workers). */
export function defaultWindow(): WindowLike | undefined {
  const w = (globalThis as { window?: WindowLike }).window
  return typeof w?.addEventListener === 'function' ? w : undefined
}

/** `globalThis.document` when it looks like one, else `undefined`. */
export function defaultDocument(): DocumentLike | undefined {
  const d = (globalThis as { document?: DocumentLike }).document
  return typeof d?.addEventListener === 'function' ? d : undefined
}

/** True when the browser says it is offline (`navigator.onLine === false`). */
export function isOffline(window: WindowLike | undefined): boolean {
  return window?.navigator?.onLine === false
}

/** True when the page is hidden (`document.visibilityState === 'hidden'`). */
export function isHidden(document: DocumentLike | undefined): boolean {
  return document?.visibilityState === 'hidden'
}

/**
 * Listens to `online`/`offline` on `window` and `visibilitychange` on `document` (each when
 * given) and calls the matching handler. Returns a function that removes the listeners.
 */
export function watchPageLifecycle(
  targets: { window?: WindowLike | undefined; document?: DocumentLike | undefined },
  handlers: PageLifecycleHandlers,
): () => void {
  const { window, document } = targets
  const online = () => handlers.online()
  const offline = () => handlers.offline()
  const visibility = () => (isHidden(document) ? handlers.hidden() : handlers.visible())
  window?.addEventListener('online', online)
  window?.addEventListener('offline', offline)
  document?.addEventListener('visibilitychange', visibility)
  return () => {
    window?.removeEventListener('online', online)
    window?.removeEventListener('offline', offline)
    document?.removeEventListener('visibilitychange', visibility)
  }
}
