/** TCP fixtures of the fault proxy's tests: a target server, a raw client, byte patterns. */
import { connect, createServer, type Server, type Socket } from 'node:net'

/** `n` bytes of a position-dependent pattern, so a shifted or spliced copy shows up as unequal. */
export function pattern(n: number, offset = 0): Buffer {
  const b = Buffer.alloc(n)
  for (let i = 0; i < n; i++) b[i] = ((i + offset) * 31 + ((i + offset) >> 8)) & 0xff
  return b
}

export interface Target {
  port: number
  server: Server
  /** Bytes each accepted socket received, by accept order. */
  received: Buffer[][]
  sockets: Socket[]
  closed: number
}

/**
 * A TCP server that writes `payload` to every new connection (then ends, unless `keepOpen`).
 * With `answer`, it writes nothing on connect and answers each chunk it receives instead
 * (a keep-alive request/response server).
 */
export async function startTarget(
  payload: Buffer,
  keepOpen = false,
  answer?: (chunk: Buffer) => Buffer | string,
): Promise<Target> {
  const t: Target = { port: 0, server: createServer(), received: [], sockets: [], closed: 0 }
  t.server.on('connection', (socket) => {
    const mine: Buffer[] = []
    t.received.push(mine)
    t.sockets.push(socket)
    socket.on('data', (d) => {
      mine.push(d)
      if (answer) socket.write(answer(d))
    })
    socket.on('error', () => undefined)
    socket.on('close', () => t.closed++)
    if (answer) return
    if (keepOpen) socket.write(payload)
    else socket.end(payload)
  })
  await new Promise<void>((r) => t.server.listen(0, '127.0.0.1', r))
  t.port = (t.server.address() as { port: number }).port
  return t
}

export interface ClientResult {
  data: Buffer
  chunks: number[]
  error?: NodeJS.ErrnoException
}

/** Connects, optionally sends `send`, and resolves with all bytes received when the socket closes. */
export function client(port: number, send?: Buffer, onData?: (got: number, s: Socket) => void) {
  const socket = connect({ port, host: '127.0.0.1' })
  const chunks: Buffer[] = []
  let got = 0
  const done = new Promise<ClientResult>((resolve) => {
    let error: NodeJS.ErrnoException | undefined
    socket.on('data', (d) => {
      chunks.push(d)
      got += d.length
      onData?.(got, socket)
    })
    socket.on('error', (e) => (error = e))
    socket.on('close', () =>
      resolve({ data: Buffer.concat(chunks), chunks: chunks.map((c) => c.length), error }),
    )
  })
  if (send) socket.write(send)
  return { socket, done }
}

/** Connects and disconnects: `'connected'` or the error code. */
export function tryConnect(port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect({ port, host: '127.0.0.1' })
    socket.on('connect', () => {
      socket.destroy()
      resolve('connected')
    })
    socket.on('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? 'error'))
  })
}

export const until = async (predicate: () => boolean, what: string) => {
  for (let i = 0; i < 400 && !predicate(); i++) await new Promise((r) => setTimeout(r, 5))
  if (!predicate()) throw new Error(`timed out waiting for ${what}`)
}
