import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  CHAT_ACKNOWLEDGEMENT_SCHEMA,
  CHAT_MESSAGE_SCHEMA,
  chatProtocolDigests,
} from '../../../src/server/adapters/uagents/chatProtocol'
import {
  computeModelDigest,
  computeProtocolDigest,
  pythonJsonDumps,
} from '../../../src/server/adapters/uagents/uagentsDigests'

const published = JSON.parse(
  readFileSync(
    new URL('../../../../shared/seed-systems/uagents-chat-protocol-manifest.json', import.meta.url),
    'utf8',
  ),
) as {
  metadata: { digest: string }
  models: { digest: string; schema: { title: string } }[]
  interactions: { type: string; request: string; responses: string[] }[]
  version: string
}
const digestOf = (title: string) => published.models.find((m) => m.schema.title === title)!.digest

describe('uAgents digests', () => {
  it('pythonJsonDumps writes what Python json.dumps(sort_keys=True) writes', () => {
    expect(pythonJsonDumps({ b: [1, 'x'], a: { d: null, c: true } })).toBe(
      '{"a": {"c": true, "d": null}, "b": [1, "x"]}',
    )
    expect(pythonJsonDumps('café ☕')).toBe('"caf\\u00e9 \\u2615"')
    expect(() => pythonJsonDumps(Number.NaN)).toThrow(TypeError)
  })

  it('the published manifest model schemas hash to their published digests', async () => {
    for (const m of published.models) expect(await computeModelDigest(m.schema)).toBe(m.digest)
    expect(await computeProtocolDigest(published)).toBe(published.metadata.digest)
  })

  it('our ChatMessage / ChatAcknowledgement schemas equal the published ones and hash to their digests', async () => {
    const d = await chatProtocolDigests()
    expect(d.chatMessage).toBe(digestOf('ChatMessage'))
    expect(d.chatAcknowledgement).toBe(digestOf('ChatAcknowledgement'))
    expect(d.protocol).toBe(published.metadata.digest)
    expect(CHAT_MESSAGE_SCHEMA).toEqual(published.models[0].schema)
    expect(CHAT_ACKNOWLEDGEMENT_SCHEMA).toEqual(published.models[1].schema)
    expect(d.manifest.interactions).toEqual(published.interactions)
  })

  it('a changed schema changes the digest', async () => {
    const changed = { ...CHAT_ACKNOWLEDGEMENT_SCHEMA, required: ['timestamp'] }
    expect(await computeModelDigest(changed)).not.toBe(digestOf('ChatAcknowledgement'))
  })
})
