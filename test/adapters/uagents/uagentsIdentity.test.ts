import { describe, expect, it } from 'vitest'
import { bech32Decode, bech32Encode } from '../../../src/server/adapters/uagents/bech32'
import { buildUAgentsEnvelope } from '../../../src/server/adapters/uagents/uagentsEnvelope'
import {
  createUAgentsIdentity,
  verifyUAgentsEnvelope,
} from '../../../src/server/adapters/uagents/uagentsIdentity'

/** Addresses of real uAgents, as published in public uAgents projects. */
const REAL_ADDRESSES = [
  'agent1qfyv0rdcq6qzsa9rylulryuzaxj3xc6sdp8xfl8wdh97fdxmpm027qyyedu',
  'agent1qvkzfgnpx2vvpw85h4dxmz297deluye2edspg39jyld3l4smrhcrqn7cegl',
  'agent1q2kxet3vh0scsf0sm7y2erzz33cve6tv5uk63x64upw5g68kr0chkv7hw50',
]
const SESSION = '0f0e0d0c-0b0a-4908-8706-050403020100'

describe('bech32 and uAgents identities', () => {
  it('decodes BIP-173 vectors and real agent addresses (33-byte compressed keys), re-encodes them', () => {
    expect(bech32Decode('A12UEL5L')).toEqual({ prefix: 'a', bytes: new Uint8Array() })
    expect(() => bech32Decode('a12uel5m')).toThrow(/checksum/)
    for (const address of REAL_ADDRESSES) {
      const { prefix, bytes } = bech32Decode(address)
      expect(prefix).toBe('agent')
      expect(bytes).toHaveLength(33)
      expect([2, 3]).toContain(bytes[0])
      expect(bech32Encode(prefix, bytes)).toBe(address)
    }
  })

  it('an identity signs envelopes that verify; any change to a covered field breaks the signature', () => {
    const identity = createUAgentsIdentity()
    expect(identity.address).toMatch(/^agent1[qpzry9x8gf2tvdw0s3jn54khce6mua7l]{59}$/)
    const signed = identity.sign({
      ...buildUAgentsEnvelope({
        sender: identity.address,
        target: 'user1abc',
        session: SESSION,
        schemaDigest: 'model:1',
        message: { hello: 'world' },
      }),
      expires: 1_900_000_000,
      nonce: 7,
    })
    expect(signed.signature).toMatch(/^sig1/)
    expect(verifyUAgentsEnvelope(signed)).toBe(true)
    expect(verifyUAgentsEnvelope({ ...signed, nonce: 8 })).toBe(false)
    expect(verifyUAgentsEnvelope({ ...signed, target: 'user1abd' })).toBe(false)
    expect(verifyUAgentsEnvelope({ ...signed, signature: 'sig1broken' })).toBe(false)
    expect(verifyUAgentsEnvelope({ ...signed, signature: null })).toBe(false)
    const other = createUAgentsIdentity()
    expect(verifyUAgentsEnvelope({ ...signed, sender: other.address })).toBe(false)
    expect(verifyUAgentsEnvelope({ ...signed, sender: REAL_ADDRESSES[0] })).toBe(false)
    expect(verifyUAgentsEnvelope({ ...signed, sender: 'user1anyone', signature: null })).toBe(true)
  })
})
