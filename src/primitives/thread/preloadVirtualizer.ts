import type { ComponentType } from 'react'
import { createChunkLoader } from '../../core/protocol/createChunkLoader'
import type { VirtualizerHostProps } from './VirtualizerHost'

/** The component of the lazy chunk that runs the virtualizer for `Thread.Root`. */
export type VirtualizerHostComponent = ComponentType<VirtualizerHostProps>

const chunk = createChunkLoader<VirtualizerHostComponent>(
  () => import('./VirtualizerHost').then((module) => module.VirtualizerHost),
  'The thread virtualizer',
)

/**
 * Starts loading the virtualizer of long threads (`@tanstack/react-virtual`, ~14 kB gzipped, its
 * own chunk) if it is not loaded yet; resolves once it is loaded. `Thread.Root` (and so
 * `MessageList` and `<Chat />`) calls it when a thread first reaches `virtualizeAt` messages;
 * until it is there the list renders only a bounded tail of the thread (its newest rows, at most
 * `virtualizeAt`, between 20 and 50), then switches without moving the reader. Call it early
 * (e.g. when an app opens a thread it knows is long, or before tests) so that the first paint is
 * already virtualized.
 *
 * Never rejects: if the chunk cannot be loaded the error is logged (`console.error`), the tail
 * stays in place (readable, scrollable) and the next call (the next message of a long thread, or
 * the next `Thread.Root` mount) tries again.
 */
export function preloadVirtualizer(): Promise<void> {
  return loadVirtualizerHost().then(() => undefined)
}

/** The virtualizer's host component once its chunk is loaded, else `undefined`. */
export function loadedVirtualizerHost(): VirtualizerHostComponent | undefined {
  return chunk.loaded()
}

/**
 * Loads the chunk (see {@link preloadVirtualizer}) and resolves with its host component, or
 * `undefined` when the load failed.
 */
export function loadVirtualizerHost(): Promise<VirtualizerHostComponent | undefined> {
  return chunk.load().catch((error: unknown) => {
    console.error('[agent-wire-react] loading the thread virtualizer failed:', error)
    return undefined
  })
}
