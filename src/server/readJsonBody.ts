import type { IncomingMessage } from 'node:http'

/** Why {@link readJsonBody} could not produce a value. */
export class BodyError extends Error {
  override readonly name = 'BodyError'
  constructor(
    /** HTTP status to answer with: 400 (bad JSON) or 413 (too large). */
    readonly status: 400 | 413,
    /** Stable code for the JSON error body. */
    readonly code: 'invalid_json' | 'body_too_large',
    message: string,
  ) {
    super(message)
  }
}

/**
 * Reads and parses a JSON request body of at most `limitBytes` bytes. A body that was already
 * parsed by a framework (`req.body` set by `express.json()`) is returned as is.
 *
 * @throws BodyError 413 when `Content-Length` or the bytes read exceed `limitBytes`
 *   (the rest of the body is drained, not buffered); 400 when the body is empty or not JSON.
 * @internal
 */
export async function readJsonBody(req: IncomingMessage, limitBytes: number): Promise<unknown> {
  const preParsed = (req as IncomingMessage & { body?: unknown }).body
  if (
    preParsed !== undefined &&
    !(preParsed instanceof Uint8Array) &&
    typeof preParsed !== 'string'
  ) {
    return preParsed
  }
  const declared = Number(req.headers['content-length'])
  if (Number.isFinite(declared) && declared > limitBytes) {
    req.resume()
    throw new BodyError(413, 'body_too_large', `The request body exceeds ${limitBytes} bytes.`)
  }
  const chunks: Buffer[] = []
  let size = 0
  let tooLarge = false
  for await (const chunk of req as AsyncIterable<Buffer | string>) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk
    size += buffer.length
    if (size > limitBytes) tooLarge = true
    if (!tooLarge) chunks.push(buffer)
  }
  if (tooLarge)
    throw new BodyError(413, 'body_too_large', `The request body exceeds ${limitBytes} bytes.`)
  const text = Buffer.concat(chunks).toString('utf8')
  if (text.trim() === '') throw new BodyError(400, 'invalid_json', 'The request body is empty.')
  try {
    return JSON.parse(text) as unknown
  } catch (error) {
    throw new BodyError(
      400,
      'invalid_json',
      `The request body is not JSON: ${(error as Error).message}`,
    )
  }
}
