/**
 * Replaces `navigator.clipboard` with a recorder for a play function (a headless browser grants
 * no clipboard permission to synthetic clicks) and returns what was written plus a restore
 * function.
 */
export function recordClipboard(): { written: string[]; restore: () => void } {
  const written: string[] = []
  const own = Object.getOwnPropertyDescriptor(navigator, 'clipboard')
  Object.defineProperty(navigator, 'clipboard', {
    configurable: true,
    value: {
      writeText: (text: string) => {
        written.push(text)
        return Promise.resolve()
      },
    },
  })
  const restore = () => {
    if (own) Object.defineProperty(navigator, 'clipboard', own)
    else delete (navigator as { clipboard?: unknown }).clipboard
  }
  return { written, restore }
}

/** Every text the live region `region` shows from now on (empty ones left out), and a stop. */
export function recordAnnouncements(region: Element): { seen: string[]; stop: () => void } {
  const seen: string[] = []
  const observer = new MutationObserver(() => {
    const text = region.textContent ?? ''
    if (text !== '' && text !== seen[seen.length - 1]) seen.push(text)
  })
  observer.observe(region, { childList: true, characterData: true, subtree: true })
  return { seen, stop: () => observer.disconnect() }
}
