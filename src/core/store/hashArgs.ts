/** JSON with object keys sorted, so `{a,b}` and `{b,a}` hash alike. */
function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null'
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`
  const entries = Object.keys(value)
    .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
  return `{${entries.join(',')}}`
}

/**
 * A stable hash of tool-call arguments: the arguments text parsed as JSON (a string that is
 * not JSON is hashed as text), serialised with sorted keys, hashed with cyrb53 (53 bits, hex).
 * Not cryptographic: it binds a decision to the arguments it was taken on (issue 3).
 *
 * @param args - Raw JSON text of `ToolCall.function.arguments`, or an already parsed value.
 * @example hashArgs('{"b":1,"a":2}') === hashArgs({ a: 2, b: 1 }) // true
 */
export function hashArgs(args: unknown): string {
  let text: string
  if (typeof args === 'string') {
    try {
      text = canonical(JSON.parse(args))
    } catch {
      text = `text:${args}`
    }
  } else {
    text = canonical(args)
  }
  let h1 = 0xdeadbeef
  let h2 = 0x41c6ce57
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    h1 = Math.imul(h1 ^ c, 2654435761)
    h2 = Math.imul(h2 ^ c, 1597334677)
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909)
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909)
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16)
}
