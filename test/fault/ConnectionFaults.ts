/** The fault plan types of the fault proxy (see `createFaultProxy`). */

/** How a cut ends the client side: a TCP reset (`ECONNRESET`) or an orderly FIN mid-stream. */
export type CutMode = 'reset' | 'end'

/** Faults of one request's response, relative to where that response starts (see `perRequest`). */
export interface RequestFaults {
  /** Forward exactly this many server→client bytes, then cut both sockets. */
  cutAtByte?: number
  /** Cut both sockets this many ms after the connection opened (or the request was seen). */
  cutAfterMs?: number
  /** Forward this many server→client bytes, then stop forwarding both ways (a silent connection). */
  stallAtByte?: number
}

/** Faults planned for one proxied connection. Byte offsets count server→client bytes. */
export interface ConnectionFaults extends RequestFaults {
  /** How the client side is cut. Default `'reset'`. */
  cutMode?: CutMode
  /**
   * Starts the `cutAfterMs` clock only once this many server→client bytes were forwarded
   * (e.g. once a run's events flow, so the request frames that started it were delivered).
   * Default `0`: at connect.
   */
  armAtByte?: number
  /**
   * Plans faults per request on a keep-alive connection (HTTP/1.1): called with the first bytes
   * of each request (latin1, at most 256 chars) when the client sends after the server answered
   * (and for the first request); the offsets it returns count from that response's first byte and
   * apply in addition to the connection-wide ones above.
   */
  perRequest?: (head: string, requestIndex: number) => RequestFaults | undefined
  /**
   * Recognises the end of a response from the last server→client bytes (at most 16): the
   * request's faults are then dropped, so an idle keep-alive connection is never cut by a
   * request's timer (HTTP clients do not retry a `POST` sent on a connection cut while idle).
   */
  isResponseEnd?: (tail: Buffer) => boolean
}

/** Why a connection was cut. */
export type CutReason = 'byte' | 'time' | 'manual'

/** What a {@link FaultConnection} reports to its proxy. */
export interface ConnectionHooks {
  onBytes(direction: 'up' | 'down', bytes: number): void
  onCut(reason: CutReason): void
  onStall(): void
  onClose(): void
  /** Downstream bytes per second, or `null` for no throttle (read on every tick). */
  throttle(): number | null
}
