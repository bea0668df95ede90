/** The SSE framing corpus (`../shared/conformance/sse-framing`), read for the transport tests. */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const DIR = fileURLToPath(new URL('../../../../shared/conformance/sse-framing/', import.meta.url))

/** `## name` sections of `sse_streams.txt`: name → raw SSE text (LF line ends, as in the file). */
export function loadSseSections(): Map<string, string> {
  const text = readFileSync(`${DIR}sse_streams.txt`, 'utf8')
  const parts = text.split(/^## (.*)\n/m).slice(1)
  const sections = new Map<string, string>()
  for (let i = 0; i < parts.length; i += 2) sections.set(parts[i], parts[i + 1])
  return sections
}

/** `events.json`: scenario name → events. */
export function loadSseScenarios(): Record<string, Array<Record<string, unknown>>> {
  return JSON.parse(readFileSync(`${DIR}events.json`, 'utf8'))
}

/** The same SSE text with CRLF (or CR) line ends. */
export function withLineEnds(text: string, eol: '\r\n' | '\r'): string {
  return text.replace(/\n/g, eol)
}

/** Splits bytes at the given (sorted, deduplicated) offsets. */
export function splitAt(bytes: Uint8Array, offsets: number[]): Uint8Array[] {
  const cuts = [...new Set(offsets.map((o) => Math.max(0, Math.min(bytes.length, o))))].sort(
    (a, b) => a - b,
  )
  const chunks: Uint8Array[] = []
  let start = 0
  for (const cut of [...cuts, bytes.length]) {
    if (cut > start) chunks.push(bytes.subarray(start, cut))
    start = Math.max(start, cut)
  }
  return chunks
}
