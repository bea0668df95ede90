/**
 * The SSE framing corpus (`sse-framing/sse_streams.txt`, `events.json`) served byte for byte by
 * a real local HTTP server to `HttpAgent`, with LF and CRLF line ends and arbitrary chunking.
 */
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { HttpAgent } from '../../../src/core/transport/HttpAgent'
import type { Diagnostic } from '../../../src/core/protocol/Diagnostic'
import type { RunAgentInput } from '../../../src/core/protocol/types'
import { loadSseScenarios, loadSseSections, splitAt, withLineEnds } from './sseCorpus'
import { collect, startTestServer, writeChunks, type TestServer } from './testServer'

let server: TestServer
beforeAll(async () => {
  server = await startTestServer()
})
afterAll(() => server.close())

const sections = loadSseSections()
const input: RunAgentInput = { threadId: 't', runId: 'r', messages: [], tools: [], context: [] }
const utf8 = new TextEncoder()

async function serve(chunks: Array<string | Uint8Array>) {
  server.handle((_req, res) => writeChunks(res, chunks))
  const diagnostics: Diagnostic[] = []
  const agent = new HttpAgent({ url: server.url, onDiagnostic: (d) => diagnostics.push(d) })
  const result = await collect(agent.run(input))
  return { ...result, types: result.events.map((e) => e.type), diagnostics }
}

/** What each section yields: the delivered event types, and the error code if it fails. */
const EXPECTED: Record<string, { types: string[]; error?: string }> = {
  'Simple Text Message Stream': {
    types: [
      'RUN_STARTED',
      'TEXT_MESSAGE_START',
      'TEXT_MESSAGE_CONTENT',
      'TEXT_MESSAGE_CONTENT',
      'TEXT_MESSAGE_END',
      'RUN_FINISHED',
    ],
  },
  'Tool Call Stream': {
    types: [
      'RUN_STARTED',
      'TOOL_CALL_START',
      'TOOL_CALL_ARGS',
      'TOOL_CALL_ARGS',
      'TOOL_CALL_END',
      'RUN_FINISHED',
    ],
  },
  'Heartbeat and Comments': {
    types: [
      'RUN_STARTED',
      'TEXT_MESSAGE_START',
      'TEXT_MESSAGE_CONTENT',
      'TEXT_MESSAGE_END',
      'RUN_FINISHED',
    ],
  },
  // No RUN_STARTED: the transport delivers and completes; the ordering verdict is the pipeline's.
  'Multi-line Data Fields': { types: ['STATE_SNAPSHOT'] },
  'With Event IDs and Retry': {
    types: ['TEXT_MESSAGE_START', 'TEXT_MESSAGE_CONTENT', 'TEXT_MESSAGE_END'],
  },
  'Malformed Examples': { types: [], error: 'invalid_json' },
  'Empty Lines and Spacing': { types: ['RUN_STARTED', 'RUN_FINISHED'] },
  'Unicode and Special Characters': {
    types: [
      'TEXT_MESSAGE_START',
      'TEXT_MESSAGE_CONTENT',
      'TEXT_MESSAGE_CONTENT',
      'TEXT_MESSAGE_END',
    ],
  },
}

describe('HttpAgent over sse_streams.txt', () => {
  for (const [name, text] of sections) {
    for (const eol of ['\n', '\r\n'] as const) {
      it(`${name} (${eol === '\n' ? 'LF' : 'CRLF'})`, async () => {
        const { types, error, completed } = await serve([
          eol === '\n' ? text : withLineEnds(text, eol),
        ])
        expect(types).toEqual(EXPECTED[name].types)
        if (EXPECTED[name].error) expect(error?.code).toBe(EXPECTED[name].error)
        else expect(completed).toBe(true)
      })
    }
  }

  it('Multi-line Data Fields: the joined data is one event', async () => {
    const { events } = await serve([sections.get('Multi-line Data Fields')!])
    expect(events).toEqual([{ type: 'STATE_SNAPSHOT', snapshot: { count: 42, name: 'test' } }])
  })

  it('Unicode and Special Characters: the text arrives intact when split inside every multi-byte character', async () => {
    const bytes = utf8.encode(sections.get('Unicode and Special Characters')!)
    const inside = [...bytes.keys()].filter((i) => (bytes[i] & 0xc0) === 0x80) // continuation bytes
    const { events } = await serve(splitAt(bytes, inside))
    expect((events[1] as { delta: string }).delta).toBe('Hello 你好 🌟 €')
    expect((events[2] as { delta: string }).delta).toBe('Special: "quotes", \\backslash\\, \ttab')
  })

  describe('Malformed Examples, frame by frame after a RUN_STARTED', () => {
    const start = 'data: {"type":"RUN_STARTED","threadId":"t","runId":"r"}\n\n'
    const cases: Array<[string, string, string]> = [
      ['data: not valid json\n\n', 'invalid_json', 'not valid json'],
      ['data: {"type":"TEXT_MESSAGE_START"}\n\n', 'invalid_event', '/messageId'],
      ['data: \n\n', 'invalid_json', 'not JSON'],
      ['data: {"incomplete":\n\n', 'invalid_json', '{"incomplete":'],
    ]
    for (const [frame, code, contains] of cases) {
      it(`${JSON.stringify(frame.trim())} → ${code}, after the RUN_STARTED`, async () => {
        const { types, error } = await serve([start, frame])
        expect(types).toEqual(['RUN_STARTED'])
        expect(error.code).toBe(code)
        expect(error.message).toContain(contains)
      })
    }
    it('{"type":"UNKNOWN_EVENT_TYPE"} is dropped with a warning; the run then ends truncated', async () => {
      const { types, error, diagnostics } = await serve([
        start,
        'data: {"type":"UNKNOWN_EVENT_TYPE"}\n\n',
      ])
      expect(types).toEqual(['RUN_STARTED'])
      expect(diagnostics[0].message).toContain('UNKNOWN_EVENT_TYPE')
      expect(error.code).toBe('truncated')
    })
  })
})

describe('HttpAgent over events.json scenarios', () => {
  const scenarios = loadSseScenarios()
  const wire = (events: unknown[]) =>
    utf8.encode(events.map((e) => `data: ${JSON.stringify(e)}\n\n`).join(''))

  it('delivers each scenario whole (THINKING_* translated to REASONING_*)', async () => {
    for (const [name, events] of Object.entries(scenarios)) {
      const { events: got, completed, error } = await serve([wire(events)])
      expect(completed, `${name}: ${error?.message}`).toBe(true)
      const legacy = events.some((e) => String(e.type).startsWith('THINKING_'))
      if (!legacy) expect(got, name).toEqual(events)
      else expect(got.map((e) => e.type).filter((t) => t.startsWith('THINKING_'))).toEqual([])
    }
  })

  it('property: any split of the byte stream into chunks yields the same events', async () => {
    const names = Object.keys(scenarios)
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...names),
        fc.boolean(),
        fc.array(fc.nat(), { maxLength: 12 }),
        async (name, crlf, cuts) => {
          const text = new TextDecoder().decode(wire(scenarios[name]))
          const bytes = utf8.encode(crlf ? withLineEnds(text, '\r\n') : text)
          const whole = await serve([bytes])
          const split = await serve(
            splitAt(
              bytes,
              cuts.map((c) => c % (bytes.length + 1)),
            ),
          )
          expect(split.events).toEqual(whole.events)
          expect(split.completed).toBe(true)
        },
      ),
      { numRuns: 25 },
    )
  })
})
