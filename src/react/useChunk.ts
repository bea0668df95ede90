import { useEffect, useState } from 'react'
import type { AgentError } from '../core/protocol/AgentError'
import type { ChunkLoader } from '../core/protocol/createChunkLoader'

/** What {@link useChunk} returns: the chunk's export once loaded, or why it could not be. */
export interface ChunkState<T> {
  /** The export; at once (no loading render) when the chunk is already loaded. */
  value?: T
  /** `AgentError('load_failed')` when it could not be loaded; the next mount tries again. */
  error?: AgentError
}

/**
 * The export of a part loaded on first use (`chunk`, see `createChunkLoader`), loading it on
 * mount when it is not loaded yet and `enabled` (default `true`). Re-renders once when it is in,
 * or fails.
 * @internal Shared by the hooks that load a chunk (`useAgentStatus`, `useRemoteStatus`).
 */
export function useChunk<T>(chunk: ChunkLoader<T>, enabled = true): ChunkState<T> {
  const [state, setState] = useState<ChunkState<T>>(() => ({ value: chunk.loaded() }))
  const loaded = state.value !== undefined
  useEffect(() => {
    if (loaded || !enabled) return
    let live = true
    chunk.load().then(
      (value) => live && setState({ value }),
      (error: AgentError) => live && setState({ error }),
    )
    return () => {
      live = false
    }
  }, [chunk, enabled, loaded])
  return state
}
