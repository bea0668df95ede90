/**
 * uAgents digests, computed the way `uagents_core` does (no `node:*`: WebCrypto SHA-256):
 * - a model's schema digest: `Model.build_schema_digest` = `"model:" + sha256(schema_json(indent=None,
 *   sort_keys=True))`;
 * - a protocol's digest: `ProtocolSpecification.compute_digest` = `"proto:" + sha256(json.dumps(
 *   {version, metadata: {}, models sorted by digest, interactions sorted by request}, sort_keys=True))`.
 * Both hash Python's `json.dumps` text: `", "` / `": "` separators, keys sorted, non-ASCII
 * escaped as `\uXXXX` (`ensure_ascii`).
 */

function pythonString(value: string): string {
  return JSON.stringify(value).replace(
    /[\u007f-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  )
}

/**
 * Python `json.dumps(value, sort_keys=True)` (indent None): what uAgents hashes.
 * @throws TypeError for values JSON cannot hold (functions, bigint, non-finite numbers).
 */
export function pythonJsonDumps(value: unknown): string {
  if (value === null) return 'null'
  if (typeof value === 'string') return pythonString(value)
  if (typeof value === 'boolean') return value ? 'true' : 'false'
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`pythonJsonDumps: ${value} is not JSON`)
    return Number.isInteger(value) ? String(value) : JSON.stringify(value)
  }
  if (Array.isArray(value)) return `[${value.map(pythonJsonDumps).join(', ')}]`
  if (typeof value === 'object') {
    const entries = Object.keys(value as object)
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .sort()
      .map((k) => `${pythonString(k)}: ${pythonJsonDumps((value as Record<string, unknown>)[k])}`)
    return `{${entries.join(', ')}}`
  }
  throw new TypeError(`pythonJsonDumps: a ${typeof value} is not JSON`)
}

async function sha256Hex(text: string): Promise<string> {
  const bytes = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))
  return [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, '0')).join('')
}

/** `model:<sha256 hex>` of a model's JSON Schema (pydantic v1 `schema()` dict). */
export async function computeModelDigest(schema: unknown): Promise<string> {
  return `model:${await sha256Hex(pythonJsonDumps(schema))}`
}

/** The parts of a manifest its digest covers. */
export interface DigestibleManifest {
  version: string
  models: { digest: string; schema: unknown }[]
  interactions: { type: string; request: string; responses: string[] }[]
}

/** `proto:<sha256 hex>` of a protocol manifest (its `metadata` is left out, as uAgents does). */
export async function computeProtocolDigest(manifest: DigestibleManifest): Promise<string> {
  const byKey =
    <T>(key: (x: T) => string) =>
    (a: T, b: T) =>
      key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0
  const cleaned = {
    version: manifest.version,
    metadata: {},
    models: [...manifest.models].sort(byKey((m) => m.digest)),
    interactions: [...manifest.interactions].sort(byKey((i) => i.request)),
  }
  return `proto:${await sha256Hex(pythonJsonDumps(cleaned))}`
}
