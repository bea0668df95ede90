import { AgentError } from './AgentError'

/** A part of the kit in its own chunk, loaded on first use; see {@link createChunkLoader}. @internal */
export interface ChunkLoader<T> {
  /**
   * Loads the chunk once and resolves with its export; rejects with `AgentError('load_failed')`
   * (retryable) when it cannot be loaded, and the next call tries again.
   */
  load(): Promise<T>
  /** The export if the chunk is loaded, else `undefined` (nothing started). */
  loaded(): T | undefined
  /**
   * What every public `preload…()` does: starts {@link ChunkLoader.load}; resolves once the chunk
   * is in. Never rejects: a failure is logged (`console.error`) and the next call tries again.
   */
  preload(): Promise<void>
}

/**
 * A {@link ChunkLoader} over `importer` (a function around a dynamic `import()`); `what` names
 * the part in the `load_failed` message (`The event log fold`).
 * @internal
 */
export function createChunkLoader<T>(importer: () => Promise<T>, what: string): ChunkLoader<T> {
  let value: T | undefined
  let loading: Promise<T> | undefined
  const load = () =>
    (loading ??= importer().then(
      (loaded) => (value = loaded),
      (cause: unknown) => {
        loading = undefined
        throw new AgentError(
          'load_failed',
          `${what} could not be loaded: ${(cause as Error)?.message ?? String(cause)}`,
          { cause, retryable: true },
        )
      },
    ))
  return {
    load,
    loaded: () => value,
    preload: () =>
      load().then(
        () => undefined,
        (error: unknown) => console.error('[agent-wire-react]', (error as Error).message),
      ),
  }
}
