const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** FNV-1a (32-bit) of `text` with `seed` as offset basis. */
function fnv1a(text: string, seed: number): number {
  let hash = seed >>> 0
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193) >>> 0
  }
  return hash
}

/**
 * The GenAI AgentOS `session_id` of a thread: `threadId` itself (lower-cased) when it is a UUID,
 * else a stable UUID derived from it: four FNV-1a hashes (different seeds) give 128 bits, with
 * the version nibble set to 8 (RFC 9562 "UUIDv8: custom") and the RFC variant bits. The same
 * `threadId` always gives the same session, so a thread keeps its GenAI conversation.
 *
 * @example toSessionUuid('thread-1') // '…-8…-…' (always the same)
 */
export function toSessionUuid(threadId: string): string {
  if (UUID.test(threadId)) return threadId.toLowerCase()
  const hex = [0x811c9dc5, 0x01234567, 0x89abcdef, 0xdeadbeef]
    .map((seed) => fnv1a(threadId, seed).toString(16).padStart(8, '0'))
    .join('')
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16)
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`
}
