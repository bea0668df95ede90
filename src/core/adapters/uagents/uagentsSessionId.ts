const UUID4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i

/** 32-bit FNV-1a of `text` with a seed, as 8 hex digits. */
function fnv(text: string, seed: number): string {
  let h = (0x811c9dc5 ^ seed) >>> 0
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return h.toString(16).padStart(8, '0')
}

/**
 * The uAgents session (a uuid4, as envelopes require) of a thread: the `threadId` itself when it
 * is a uuid4, else a uuid4-shaped id derived from it deterministically (FNV-1a; the same
 * `threadId` always maps to the same session, so the agent keeps one dialogue per thread).
 */
export function uagentsSessionId(threadId: string): string {
  if (UUID4.test(threadId)) return threadId.toLowerCase()
  const hex = [1, 2, 3, 4].map((seed) => fnv(threadId, seed)).join('')
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16)
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`
}
