/**
 * Bech32 (BIP-173), as uAgents uses it for addresses (`agent1…`: the compressed secp256k1
 * public key; `user1…`: 32 random bytes) and signatures (`sig1…`: r‖s). No `node:*`.
 */

const CHARSET = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l'
const GENERATOR = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3]

function polymod(values: number[]): number {
  let chk = 1
  for (const v of values) {
    const top = chk >>> 25
    chk = ((chk & 0x1ffffff) << 5) ^ v
    for (let i = 0; i < 5; i++) if ((top >>> i) & 1) chk ^= GENERATOR[i]
  }
  return chk >>> 0
}

function expandPrefix(prefix: string): number[] {
  const codes = [...prefix].map((c) => c.charCodeAt(0))
  return [...codes.map((c) => c >> 5), 0, ...codes.map((c) => c & 31)]
}

function convertBits(data: ArrayLike<number>, from: number, to: number, pad: boolean): number[] {
  let acc = 0
  let bits = 0
  const out: number[] = []
  const max = (1 << to) - 1
  for (let i = 0; i < data.length; i++) {
    acc = (acc << from) | data[i]
    bits += from
    while (bits >= to) {
      bits -= to
      out.push((acc >> bits) & max)
    }
  }
  if (pad && bits > 0) out.push((acc << (to - bits)) & max)
  else if (!pad && (bits >= from || (acc << (to - bits)) & max))
    throw new Error('bech32: invalid padding')
  return out
}

/** Encodes `bytes` with the human-readable `prefix` (`agent`, `user`, `sig`). */
export function bech32Encode(prefix: string, bytes: Uint8Array): string {
  const data = convertBits(bytes, 8, 5, true)
  const mod = polymod([...expandPrefix(prefix), ...data, 0, 0, 0, 0, 0, 0]) ^ 1
  const checksum = [0, 1, 2, 3, 4, 5].map((i) => (mod >>> (5 * (5 - i))) & 31)
  return `${prefix}1${[...data, ...checksum].map((d) => CHARSET[d]).join('')}`
}

/**
 * Decodes a bech32 string (no length limit: uAgents signatures exceed BIP-173's 90 characters).
 * @throws Error when the checksum, characters or padding are wrong.
 */
export function bech32Decode(text: string): { prefix: string; bytes: Uint8Array } {
  const lower = text.toLowerCase()
  const sep = lower.lastIndexOf('1')
  if (sep < 1 || sep + 7 > lower.length) throw new Error('bech32: no separator or checksum')
  const prefix = lower.slice(0, sep)
  const data = [...lower.slice(sep + 1)].map((c) => {
    const v = CHARSET.indexOf(c)
    if (v < 0) throw new Error(`bech32: invalid character '${c}'`)
    return v
  })
  if (polymod([...expandPrefix(prefix), ...data]) !== 1) throw new Error('bech32: bad checksum')
  return { prefix, bytes: Uint8Array.from(convertBits(data.slice(0, -6), 5, 8, false)) }
}
