/**
 * uAgents envelopes (`uagents_core.envelope.Envelope`): what agents POST to each other's
 * `/submit`. No `node:*` (runs in the bridge and in browser-hosted fakes).
 */

/** An envelope; `payload` is base64 of the message JSON. Field names verbatim. */
export interface UAgentsEnvelope {
  version: number
  sender: string
  target: string
  /** uuid4: the dialogue's session (the bridge uses the browser's `threadId`). */
  session: string
  schema_digest: string
  protocol_digest?: string | null
  payload?: string | null
  /** Expiry, seconds since epoch. */
  expires?: number | null
  nonce?: number | null
  signature?: string | null
}

const UUID4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i

/** True for a uuid4 string (pydantic `UUID4` accepts only version 4). */
export function isUuid4(value: unknown): value is string {
  return typeof value === 'string' && UUID4.test(value)
}

/** True for an address that skips signature checks (`uagents.crypto.is_user_address`). */
export function isUserAddress(address: string): boolean {
  return address.startsWith('user')
}

/** base64 of the UTF-8 bytes of `text` (`Envelope.encode_payload`). */
export function encodePayload(text: string): string {
  const bytes = new TextEncoder().encode(text)
  let binary = ''
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(binary)
}

/**
 * The text of a base64 payload (`Envelope.decode_payload`; `''` when absent).
 * @throws Error when it is not base64 of UTF-8 text.
 */
export function decodePayload(payload: string | null | undefined): string {
  if (payload == null) return ''
  const binary = atob(payload)
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0))
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
}

const optional = (v: unknown, type: 'string' | 'number') =>
  v === undefined || v === null || (type === 'number' ? Number.isInteger(v) : typeof v === type)

/**
 * Validates an envelope like pydantic does on `/submit` (`Envelope.model_validate`): `version`
 * an integer, `sender`/`target`/`schema_digest` strings, `session` a uuid4, optional fields of
 * their types. Returns the envelope, or `undefined` when it does not match.
 */
export function parseUAgentsEnvelope(raw: unknown): UAgentsEnvelope | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined
  const e = raw as Record<string, unknown>
  const ok =
    Number.isInteger(e.version) &&
    typeof e.sender === 'string' &&
    typeof e.target === 'string' &&
    isUuid4(e.session) &&
    typeof e.schema_digest === 'string' &&
    optional(e.protocol_digest, 'string') &&
    optional(e.payload, 'string') &&
    optional(e.expires, 'number') &&
    optional(e.nonce, 'number') &&
    optional(e.signature, 'string')
  return ok ? (e as unknown as UAgentsEnvelope) : undefined
}

/** What {@link buildUAgentsEnvelope} needs. */
export interface EnvelopeParts {
  sender: string
  target: string
  session: string
  schemaDigest: string
  protocolDigest?: string
  /** The message, serialized with `JSON.stringify`. */
  message: unknown
}

/** An unsigned version-1 envelope (a `user…` sender needs no signature). */
export function buildUAgentsEnvelope(parts: EnvelopeParts): UAgentsEnvelope {
  return {
    version: 1,
    sender: parts.sender,
    target: parts.target,
    session: parts.session,
    schema_digest: parts.schemaDigest,
    ...(parts.protocolDigest && { protocol_digest: parts.protocolDigest }),
    payload: encodePayload(JSON.stringify(parts.message)),
  }
}

/** 8 bytes, big-endian (Python `struct.pack(">Q", n)`). */
function uint64(n: number): Uint8Array {
  const out = new Uint8Array(8)
  new DataView(out.buffer).setBigUint64(0, BigInt(n))
  return out
}

/**
 * The bytes an envelope signature covers (`Envelope._digest` hashes them with SHA-256): sender,
 * target, session, schema digest, payload (when present), then `expires` and `nonce` as
 * big-endian uint64 (when present).
 */
export function envelopeSigningBytes(envelope: UAgentsEnvelope): Uint8Array {
  const encoder = new TextEncoder()
  const parts: Uint8Array[] = [
    encoder.encode(envelope.sender),
    encoder.encode(envelope.target),
    encoder.encode(envelope.session.toLowerCase()),
    encoder.encode(envelope.schema_digest),
  ]
  if (envelope.payload != null) parts.push(encoder.encode(envelope.payload))
  if (envelope.expires != null) parts.push(uint64(envelope.expires))
  if (envelope.nonce != null) parts.push(uint64(envelope.nonce))
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let at = 0
  for (const p of parts) {
    out.set(p, at)
    at += p.length
  }
  return out
}
