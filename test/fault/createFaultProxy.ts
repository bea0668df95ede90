import { connect, createServer, type Server, type Socket } from 'node:net'
import { createRng, type Rng } from './createRng'
import {
  FaultConnection,
  type ConnectionFaults,
  type CutMode,
  type CutReason,
} from './FaultConnection'

export type { ConnectionFaults, CutMode, CutReason } from './FaultConnection'

/** What a {@link FaultPlan} knows about a new connection. */
export interface ConnectionInfo {
  /** 0-based order in which the proxy accepted the connection. */
  index: number
  /** A generator for this connection only: `proxy rng.fork(index)`, so plans do not depend on timing. */
  rng: Rng
}

/** Decides the faults of each new connection (none when it returns `undefined`). */
export type FaultPlan = (connection: ConnectionInfo) => ConnectionFaults | undefined

/** Options of {@link createFaultProxy}. */
export interface FaultProxyOptions {
  /** The server to forward to: a port on 127.0.0.1, or host and port. */
  target: number | { host?: string; port: number }
  /** Seed of the proxy's generator; print it so a failure can be replayed. */
  seed: number
  /** Faults of each new connection. Default: none (a transparent proxy). */
  plan?: FaultPlan
  /** Port to listen on (127.0.0.1). Default `0` (a free one). */
  port?: number
}

/** Counters of a {@link FaultProxy}; bytes are payload bytes forwarded (written to the other side). */
export interface FaultProxyStats {
  /** Connections accepted. */
  connections: number
  /** Connections open now. */
  open: number
  /** Connections cut, all reasons. */
  cuts: number
  cutsByReason: Record<CutReason, number>
  /** Connections that went silent (stall). */
  stalls: number
  /** Times `refuse()` stopped accepting. */
  refusals: number
  /** Server→client bytes. */
  bytesDown: number
  /** Client→server bytes. */
  bytesUp: number
}

/** A fault-injecting TCP proxy on loopback (see {@link createFaultProxy}). */
export interface FaultProxy {
  /** The port clients connect to (stays the same across `refuse()`/`accept()`). */
  readonly port: number
  /** `http://127.0.0.1:<port>`. */
  readonly url: string
  /** The seed the proxy started from. */
  readonly seed: number
  readonly stats: FaultProxyStats
  /** Replaces the plan for connections accepted from now on. */
  setPlan(plan: FaultPlan | undefined): void
  /** Cuts every open connection now; returns how many. */
  cutAll(mode?: CutMode): number
  /** Makes every open connection silent (no bytes either way, sockets stay open); returns how many. */
  stallAll(): number
  /** Resumes every stalled connection. */
  unstallAll(): void
  /** Limits server→client bytes per second on every connection (`null`: no limit). */
  throttle(bytesPerSecond: number | null): void
  /** Stops listening (new connections get ECONNREFUSED); open ones stay. With `ms`, `accept()`s after it. */
  refuse(ms?: number): Promise<void>
  /** Listens again on the same port. */
  accept(): Promise<void>
  /** Connections open now. */
  connections(): readonly FaultConnection[]
  /** Stops listening and destroys every connection. */
  close(): Promise<void>
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject)
      resolve((server.address() as { port: number }).port)
    })
  })
}

/**
 * Starts a TCP proxy on 127.0.0.1 that forwards bytes both ways between clients and `target`,
 * and injects faults: per-connection cuts at seeded-random byte offsets or times (both sockets
 * destroyed, the client side by RST or FIN), silent connections (stall), a slow consumer
 * (throttle, which backs pressure up to the server), and refused connections for a while
 * (server restart). A connection to a target that is down is reset at once.
 *
 * @example
 * const proxy = await createFaultProxy({ target: server.port, seed, plan: ({ rng }) => ({ cutAtByte: rng.int(300, 30_000) }) })
 */
export async function createFaultProxy(options: FaultProxyOptions): Promise<FaultProxy> {
  const rng = createRng(options.seed)
  const target =
    typeof options.target === 'number' ? { port: options.target } : { ...options.target }
  let plan = options.plan
  let rate: number | null = null
  const open = new Set<FaultConnection>()
  const stats: FaultProxyStats = {
    connections: 0,
    open: 0,
    cuts: 0,
    cutsByReason: { byte: 0, time: 0, manual: 0 },
    stalls: 0,
    refusals: 0,
    bytesDown: 0,
    bytesUp: 0,
  }

  const onClient = (client: Socket) => {
    const index = stats.connections++
    const faults = plan?.({ index, rng: rng.fork(index) }) ?? {}
    const server = connect({ host: target.host ?? '127.0.0.1', port: target.port })
    const connection = new FaultConnection(index, client, server, faults, {
      onBytes: (direction, bytes) => {
        if (direction === 'up') stats.bytesUp += bytes
        else stats.bytesDown += bytes
      },
      onCut: (reason) => {
        stats.cuts++
        stats.cutsByReason[reason]++
      },
      onStall: () => stats.stalls++,
      onClose: () => {
        if (open.delete(connection)) stats.open--
      },
      throttle: () => rate,
    })
    if (!connection.closed) {
      open.add(connection)
      stats.open++
    }
  }

  let listener: Server | undefined = createServer(onClient)
  const port = await listen(listener, options.port ?? 0)

  const stopListening = () =>
    new Promise<void>((resolve) => {
      const current = listener
      listener = undefined
      if (!current) return resolve()
      current.close(() => resolve())
      // close() waits for open connections; they are ours to manage, so do not wait for them.
      setImmediate(resolve)
    })

  const proxy: FaultProxy = {
    port,
    url: `http://127.0.0.1:${port}`,
    seed: rng.seed,
    stats,
    setPlan: (next) => {
      plan = next
    },
    cutAll: (mode) => [...open].filter((c) => c.cut('manual', mode)).length,
    stallAll: () => {
      const live = [...open].filter((c) => !c.stalled)
      live.forEach((c) => c.stall())
      return live.length
    },
    unstallAll: () => [...open].forEach((c) => c.unstall()),
    throttle: (bytesPerSecond) => {
      rate = bytesPerSecond
      open.forEach((c) => c.retune())
    },
    refuse: async (ms) => {
      if (!listener) return
      stats.refusals++
      await stopListening()
      if (ms !== undefined) setTimeout(() => void proxy.accept(), ms).unref()
    },
    accept: async () => {
      if (listener) return
      listener = createServer(onClient)
      await listen(listener, port)
    },
    connections: () => [...open],
    close: async () => {
      await stopListening()
      for (const c of [...open]) c.dispose()
    },
  }
  return proxy
}
