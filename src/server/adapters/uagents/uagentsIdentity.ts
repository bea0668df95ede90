import { createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto'
import { bech32Decode, bech32Encode } from './bech32'
import { envelopeSigningBytes, isUserAddress, type UAgentsEnvelope } from './uagentsEnvelope'

/** DER prefix of a secp256k1 SubjectPublicKeyInfo holding a 33-byte compressed point. */
const SPKI_COMPRESSED = Buffer.from('3036301006072a8648ce3d020106052b8104000a032200', 'hex')

function publicKeyOf(address: string): KeyObject {
  const { prefix, bytes } = bech32Decode(address)
  if (prefix !== 'agent' || bytes.length !== 33) throw new Error('not an agent address')
  return createPublicKey({
    key: Buffer.concat([SPKI_COMPRESSED, bytes]),
    format: 'der',
    type: 'spki',
  })
}

/**
 * Verifies an envelope's signature the way uAgents does (`Envelope.verify`): the sender's
 * `agent1…` address is its compressed secp256k1 public key, the `sig1…` signature is r‖s over
 * SHA-256 of `envelopeSigningBytes`. `user…` senders need no signature (true). Never throws:
 * a malformed address or signature is false. Node only (`node:crypto`); pass it to
 * `createUAgentsBridge({ verify })`.
 */
export function verifyUAgentsEnvelope(envelope: UAgentsEnvelope): boolean {
  if (isUserAddress(envelope.sender)) return true
  if (!envelope.signature) return false
  try {
    const sig = bech32Decode(envelope.signature)
    if (sig.prefix !== 'sig' || sig.bytes.length !== 64) return false
    return verify(
      'sha256',
      envelopeSigningBytes(envelope),
      { key: publicKeyOf(envelope.sender), dsaEncoding: 'ieee-p1363' },
      sig.bytes,
    )
  } catch {
    return false
  }
}

/** A secp256k1 identity that signs envelopes like a uAgent (`Identity.sign_digest`). */
export interface UAgentsIdentity {
  /** `agent1…`: bech32 of the compressed public key. */
  readonly address: string
  /** Returns `envelope` with its `signature` (`sig1…`) set. */
  sign(envelope: UAgentsEnvelope): UAgentsEnvelope
}

/** Generates a fresh {@link UAgentsIdentity} (Node only). */
export function createUAgentsIdentity(): UAgentsIdentity {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'secp256k1' })
  const point = publicKey.export({ format: 'der', type: 'spki' }).subarray(-65)
  const compressed = Buffer.concat([Buffer.from([2 + (point[64] & 1)]), point.subarray(1, 33)])
  const address = bech32Encode('agent', compressed)
  return {
    address,
    sign(envelope) {
      const bytes = envelopeSigningBytes(envelope)
      const sig = sign('sha256', bytes, { key: privateKey, dsaEncoding: 'ieee-p1363' })
      return { ...envelope, signature: bech32Encode('sig', sig) }
    },
  }
}
