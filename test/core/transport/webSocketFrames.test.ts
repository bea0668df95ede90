import { describe, expect, it } from 'vitest'
import { readServerFrame } from '../../../src/core/transport/webSocketFrames'

const read = (data: unknown, max = 1 << 20) => readServerFrame(data, max)

describe('readServerFrame', () => {
  it('reads the four server envelopes', () => {
    const frames = [
      { type: 'event', runId: 'r', id: 1, event: { type: 'RUN_STARTED' } },
      { type: 'end', runId: 'r' },
      { type: 'error', runId: 'r', code: 'replay_gap', message: 'm', firstId: 4 },
      { type: 'error', code: 'auth_failed' },
      { type: 'pong', ts: 5 },
    ]
    for (const frame of frames) expect(read(JSON.stringify(frame))).toEqual({ ok: true, frame })
  })

  it('binary data (ArrayBuffer, Buffer, Blob-like) → bad_frame, not fatal', () => {
    for (const data of [new ArrayBuffer(3), new Uint8Array(2), { size: 9 }]) {
      const result = read(data)
      expect(result).toMatchObject({ ok: false, fatal: false, error: { code: 'bad_frame' } })
    }
  })

  it('not JSON → invalid_json, fatal, with an excerpt', () => {
    const result = read('{"type":')
    expect(result).toMatchObject({
      ok: false,
      fatal: true,
      error: { code: 'invalid_json', event: '{"type":' },
    })
  })

  it('over maxFrameBytes (UTF-8 bytes) → limit_exceeded, fatal', () => {
    const text = JSON.stringify({ type: 'pong', pad: '€'.repeat(400) }) // > 1 200 bytes
    expect(read(text, 1000)).toMatchObject({
      ok: false,
      fatal: true,
      error: { code: 'limit_exceeded' },
    })
    expect(read(text, 1300).ok).toBe(true)
  })

  it('JSON that is not an envelope → bad_frame, not fatal', () => {
    const bad = [
      '[1,2]',
      '"x"',
      'null',
      '{"type":"hello"}',
      '{"type":"event","id":1,"event":{}}',
      '{"type":"event","runId":"r","id":1}',
      '{"type":"end"}',
      '{"type":"error"}',
    ]
    for (const text of bad) {
      expect(read(text), text).toMatchObject({
        ok: false,
        fatal: false,
        error: { code: 'bad_frame' },
      })
    }
  })
})
