/** What {@link readAhead} returns: the part of a stream reader `readSseBody` uses. @internal */
export interface HeldReader {
  /** The next chunk; rejects like the stream (or with `ready`'s error, see {@link readAhead}). */
  read(): Promise<ReadableStreamReadResult<Uint8Array>>
  /** Cancels the underlying stream. */
  cancel(reason?: unknown): Promise<void>
}

type Result = { step: ReadableStreamReadResult<Uint8Array> } | { error: unknown }

/**
 * `ready`, or the signal's reason (rejects) if the signal aborts first: a wait for a chunk load
 * that an abort ends at once. @internal
 */
export function untilReady(ready: Promise<void>, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(signal.reason)
    ready.finally(() => signal.removeEventListener('abort', onAbort)).then(resolve, reject)
    if (signal.aborted) onAbort()
    else signal.addEventListener('abort', onAbort, { once: true })
  })
}

/**
 * Wraps `reader` so that its chunks are handed out only once `ready` resolves, while reading
 * goes on meanwhile: chunks, the end, and a failure of the stream are kept in order and
 * delivered after. (A stream that fails discards the chunks it still queues, so a reader that
 * merely waited would lose bytes that had arrived: e.g. a connection cut while the event
 * validator's chunk loads.) At most `maxHeldBytes` are held (then reading waits, and the rest
 * stays in the stream: a huge body is never pulled whole into memory). After `ready`, reads go
 * straight to `reader`; if `ready` rejects, so does every read. @internal
 */
export function readAhead(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  ready: Promise<void>,
  maxHeldBytes: number,
): HeldReader {
  const held: Result[] = []
  let heldBytes = 0
  let settled = false
  const onSettled = () => void (settled = true)
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
    async read() {
      await ready // rethrows a failed load or the abort
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
