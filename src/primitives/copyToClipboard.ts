/**
 * Copies `text` to the clipboard. Uses the async Clipboard API (`navigator.clipboard.writeText`)
 * when the page has it (secure contexts); when it is missing or refuses (no permission, an
 * insecure `http:` page, an old browser), falls back to selecting a hidden `<textarea>` and
 * `document.execCommand('copy')`. Restores the focus and selection it moved.
 *
 * Resolves `true` when one of the two copied, `false` otherwise; never rejects.
 */
export async function copyToClipboard(text: string): Promise<boolean> {
  const clipboard = typeof navigator === 'undefined' ? undefined : navigator.clipboard
  if (clipboard && typeof clipboard.writeText === 'function') {
    try {
      await clipboard.writeText(text)
      return true
    } catch {
      // Refused: try the fallback below.
    }
  }
  return copyWithTextarea(text)
}

function copyWithTextarea(text: string): boolean {
  if (typeof document === 'undefined' || !document.body) return false
  const active = document.activeElement as HTMLElement | null
  const selection = document.getSelection()
  const range = selection && selection.rangeCount > 0 ? selection.getRangeAt(0) : undefined
  const area = document.createElement('textarea')
  area.value = text
  area.setAttribute('readonly', '')
  area.setAttribute('aria-hidden', 'true')
  area.style.position = 'fixed'
  area.style.insetBlockStart = '0'
  area.style.opacity = '0'
  area.style.pointerEvents = 'none'
  document.body.append(area)
  area.select()
  let copied: boolean
  try {
    copied = typeof document.execCommand === 'function' && document.execCommand('copy')
  } catch {
    copied = false
  }
  area.remove()
  if (range && selection) {
    selection.removeAllRanges()
    selection.addRange(range)
  }
  active?.focus?.()
  return copied
}
