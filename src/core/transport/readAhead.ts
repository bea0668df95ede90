/** The part of a stream reader `readSseBody` uses. @internal */
export interface HeldReader {
  /** The next chunk; rejects like the stream. */
  read(): Promise<ReadableStreamReadResult<Uint8Array>>
  /** Cancels the underlying stream. */
  cancel(reason?: unknown): Promise<void>
}

/** What {@link readAhead} returns: a {@link HeldReader} that waits for `ready`. @internal */
export interface ReadAheadReader extends HeldReader {
  /**
   * `ready`, or the signal's reason if it aborts first (then rejects). `read()` rejects with
   * this error too.
   */
  readonly ready: Promise<void>
}

type Result = { step: ReadableStreamReadResult<Uint8Array> } | { error: unknown }

/**
 * Wraps `reader` so that its chunks are handed out only once `ready` resolves, while reading
 * goes on meanwhile: chunks, the end, and a failure of the stream are kept in order and
 * delivered after. (A stream that fails discards the chunks it still queues, so a reader that
 * merely waited would lose bytes that had arrived: e.g. a connection cut while the event
 * validator's chunk loads.) At most `maxHeldBytes` are held (then reading waits, and the rest
 * stays in the stream: a huge body is never pulled whole into memory). After `ready`, reads go
 * straight to `reader`. `signal` ends a wait for `ready` with its reason. @internal
 */
export function readAhead(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  ready: Promise<void>,
  signal: AbortSignal,
  maxHeldBytes: number,
): ReadAheadReader {
  const held: Result[] = []
  let heldBytes = 0
  let settled = false
  let onAbort = () => {}
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(signal.reason)
    if (signal.aborted) onAbort()
    else signal.addEventListener('abort', onAbort, { once: true })
  })
  const gate = Promise.race([ready, aborted])
  gate.catch(() => undefined)
  const onSettled = () => {
    settled = true
    signal.removeEventListener('abort', onAbort)
  }
  ready.then(onSettled, onSettled)
  const pump = async () => {
    while (!settled && heldBytes <= maxHeldBytes) {
      try {
        const step = await reader.read()
        heldBytes += step.value?.byteLength ?? 0
        held.push({ step })
        if (step.done) return
      } catch (error) {
        held.push({ error })
        return
      }
    }
  }
  let pumping: Promise<void> | undefined = pump()
  return {
    ready: gate,
    async read() {
      await gate // rethrows a failed load or the abort
      if (held.length === 0 && pumping) {
        await pumping // a read begun before `ready`: its result comes first
        pumping = undefined
      }
      const next = held.shift()
      if (!next) return reader.read()
      if ('error' in next) throw next.error
      return next.step
    },
    cancel: (reason) => reader.cancel(reason),
  }
}
