const TEXT_INPUT_TYPES = new Set([
  'text',
  'search',
  'email',
  'url',
  'tel',
  'password',
  'number',
  '',
])

/** Whether `el` is a text field holding text (the person is writing something). */
function isTypingIn(el: Element): boolean {
  if (el instanceof HTMLTextAreaElement) return el.value.trim() !== ''
  if (el instanceof HTMLInputElement) {
    return TEXT_INPUT_TYPES.has(el.type.toLowerCase()) && el.value.trim() !== ''
  }
  if (el instanceof HTMLElement && el.isContentEditable) return (el.textContent ?? '').trim() !== ''
  return false
}

/**
 * The focus rule of human-in-the-loop parts that appear on their own (a new pending approval, a
 * new interrupt): move focus to `target` unless that would interrupt the person. It stays put when
 * focus is already inside `container`, inside another part waiting for an answer
 * (`[data-awr="tool-approval"][data-state="pending"]`, `[data-awr="interrupt"][data-state="open"]`,
 * so of several cards appearing at once the first keeps it), or in a text field that holds text
 * (the person is typing: an empty composer, as left after a send, does not count).
 */
export function shouldMoveFocus(container: Element): boolean {
  if (typeof document === 'undefined') return false
  const active = document.activeElement
  if (!active || active === document.body || active === document.documentElement) return true
  if (container.contains(active)) return false
  const waiting = active.closest(
    '[data-awr="tool-approval"][data-state="pending"], [data-awr="interrupt"][data-state="open"]',
  )
  if (waiting && waiting !== container) return false
  return !isTypingIn(active)
}

const defaultScope = {}
const claimed = new WeakMap<object, Set<string>>()
const AUTO_FOCUS_MEMORY = 500

/**
 * Remembers that the part `key` (e.g. `tool-approval:<toolCallId>`) took focus once in `scope`
 * (the thread's store; one page-wide scope by default), so a remount (StrictMode, list
 * virtualization, a collapsed card) never takes it again. Returns `false` when it already had.
 * Keeps the last 500 keys per scope.
 */
export function claimAutoFocus(key: string, scope: object | null = defaultScope): boolean {
  const owner = scope ?? defaultScope
  let keys = claimed.get(owner)
  if (!keys) claimed.set(owner, (keys = new Set()))
  if (keys.has(key)) return false
  keys.add(key)
  if (keys.size > AUTO_FOCUS_MEMORY) keys.delete(keys.values().next().value as string)
  return true
}
