import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createSseDecoder, type SseFrame } from '../../../src/core/transport/createSseDecoder'
import { loadSseScenarios, loadSseSections, splitAt, withLineEnds } from './sseCorpus'

const sections = loadSseSections()
const utf8 = new TextEncoder()

function decode(chunks: Uint8Array[], maxEventBytes = 1 << 20) {
  const frames: Array<SseFrame & { atEnd: boolean }> = []
  const decoder = createSseDecoder({
    maxEventBytes,
    onFrame: (f, atEnd) => frames.push({ ...f, atEnd }),
  })
  for (const c of chunks) decoder.push(c)
  decoder.end()
  return frames
}
const decodeText = (text: string) => decode([utf8.encode(text)])
const datas = (text: string) => decodeText(text).map((f) => f.data)

describe('createSseDecoder over sse_streams.txt', () => {
  it('has the eight corpus sections', () => {
    expect([...sections.keys()]).toEqual([
      'Simple Text Message Stream',
      'Tool Call Stream',
      'Heartbeat and Comments',
      'Multi-line Data Fields',
      'With Event IDs and Retry',
      'Malformed Examples',
      'Empty Lines and Spacing',
      'Unicode and Special Characters',
    ])
  })

  it('Simple Text Message Stream / Tool Call Stream: one frame per event, in order', () => {
    expect(
      datas(sections.get('Simple Text Message Stream')!).map((d) => JSON.parse(d).type),
    ).toEqual([
      'RUN_STARTED',
      'TEXT_MESSAGE_START',
      'TEXT_MESSAGE_CONTENT',
      'TEXT_MESSAGE_CONTENT',
      'TEXT_MESSAGE_END',
      'RUN_FINISHED',
    ])
    expect(JSON.parse(datas(sections.get('Tool Call Stream')!)[3])).toEqual({
      type: 'TOOL_CALL_ARGS',
      toolCallId: 'tool_01',
      delta: '"AG-UI"}',
    })
  })

  it('Heartbeat and Comments: comments produce no frames', () => {
    expect(datas(sections.get('Heartbeat and Comments')!).map((d) => JSON.parse(d).type)).toEqual([
      'RUN_STARTED',
      'TEXT_MESSAGE_START',
      'TEXT_MESSAGE_CONTENT',
      'TEXT_MESSAGE_END',
      'RUN_FINISHED',
    ])
  })

  it('Multi-line Data Fields: data lines join with \\n into one JSON document', () => {
    const [frame] = decodeText(sections.get('Multi-line Data Fields')!)
    expect(frame.data).toBe('{"type":"STATE_SNAPSHOT",\n"snapshot":{\n"count":42,\n"name":"test"}}')
    expect(JSON.parse(frame.data)).toEqual({
      type: 'STATE_SNAPSHOT',
      snapshot: { count: 42, name: 'test' },
    })
  })

  it('With Event IDs and Retry: ids and event names are read, retry reported', () => {
    const retries: number[] = []
    const frames: SseFrame[] = []
    const decoder = createSseDecoder({
      maxEventBytes: 1e6,
      onFrame: (f) => frames.push(f),
      onRetry: (ms) => retries.push(ms),
    })
    decoder.push(utf8.encode(sections.get('With Event IDs and Retry')!))
    decoder.end()
    expect(frames.map((f) => [f.id, f.event])).toEqual([
      ['evt_001', 'message'],
      ['evt_002', undefined],
      ['evt_003', undefined],
    ])
    expect(retries).toEqual([5000])
  })

  it('Malformed Examples: every frame is delivered as is (the consumer judges the JSON)', () => {
    expect(datas(sections.get('Malformed Examples')!)).toEqual([
      'not valid json',
      '{"type":"UNKNOWN_EVENT_TYPE"}',
      '{"type":"TEXT_MESSAGE_START"}',
      '',
      '{"incomplete":',
    ])
  })

  it('Empty Lines and Spacing: extra blank lines produce no frames', () => {
    expect(datas(sections.get('Empty Lines and Spacing')!)).toHaveLength(2)
  })

  it('Unicode and Special Characters: multi-byte text survives; a final frame without a blank line is flushed at the end', () => {
    const frames = decodeText(sections.get('Unicode and Special Characters')!)
    expect(JSON.parse(frames[1].data).delta).toBe('Hello 你好 🌟 €')
    expect(JSON.parse(frames[2].data).delta).toBe('Special: "quotes", \\backslash\\, \ttab')
    expect(frames.map((f) => f.atEnd)).toEqual([false, false, false, true])
  })

  it('reads CRLF and CR line ends exactly like LF', () => {
    for (const [name, text] of sections) {
      const lf = decodeText(text)
      expect(decodeText(withLineEnds(text, '\r\n')), name).toEqual(lf)
      // A final CR may yet be followed by LF, so the last frame of a CR stream is only known at the end.
      const strip = (frames: SseFrame[]) =>
        frames.map(({ data, id, event }) => ({ data, id, event }))
      expect(strip(decodeText(withLineEnds(text, '\r'))), name).toEqual(strip(lf))
    }
  })

  it('strips a leading byte-order mark', () => {
    expect(datas('\uFEFFdata: {"a":1}\n\n')).toEqual(['{"a":1}'])
  })
})

describe('createSseDecoder: chunking (property)', () => {
  const scenarios = loadSseScenarios()
  const corpus = [
    ...sections.values(),
    ...[...sections.values()].map((t) => withLineEnds(t, '\r\n')),
    ...Object.values(scenarios).map((events) =>
      events.map((e) => `data: ${JSON.stringify(e)}\n\n`).join(''),
    ),
  ].map((text) => utf8.encode(text))

  it('any split of the byte stream into chunks (mid-line, mid-CRLF, mid-UTF-8) yields the same frames', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: corpus.length - 1 }),
        fc.array(fc.nat(), { maxLength: 40 }),
        (index, cuts) => {
          const bytes = corpus[index]
          const chunks = splitAt(
            bytes,
            cuts.map((c) => c % (bytes.length + 1)),
          )
          expect(decode(chunks)).toEqual(decode([bytes]))
        },
      ),
      { numRuns: 300 },
    )
  })

  it('one byte per chunk yields the same frames, including the 4-byte emoji', () => {
    const bytes = utf8.encode(sections.get('Unicode and Special Characters')!)
    expect(decode(splitAt(bytes, [...bytes.keys()]))).toEqual(decode([bytes]))
  })
})

describe('createSseDecoder: limits', () => {
  it('rejects a frame whose data exceeds maxEventBytes (counted in UTF-8 bytes)', () => {
    const big = `data: ${'€'.repeat(400)}\n\n` // 1 200 bytes, 400 chars
    expect(() => decode([utf8.encode(big)], 1000)).toThrowError(
      expect.objectContaining({ code: 'limit_exceeded' }),
    )
    expect(decode([utf8.encode(big)], 1300)).toHaveLength(1)
  })

  it('rejects more than maxEventBytes received without a frame boundary', () => {
    const decoder = createSseDecoder({ maxEventBytes: 100, onFrame: () => undefined })
    decoder.push(utf8.encode(`data: ${'x'.repeat(60)}`))
    expect(() => decoder.push(utf8.encode('y'.repeat(60)))).toThrowError(
      expect.objectContaining({ code: 'limit_exceeded' }),
    )
  })
})
