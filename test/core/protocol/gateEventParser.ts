/**
 * Test helper: fresh modules whose event validator chunk (`parseEvent.ts`, imported lazily by
 * `loadEventParser`) is held until `open()` (`'gate'`), or fails to load (`'fail'`), the way a
 * slow or broken network serves a lazy chunk. Call `restore()` after the test.
 */
import { vi } from 'vitest'

const PARSE_EVENT = '../../../src/core/protocol/parseEvent'

export function gateEventParser(mode: 'gate' | 'fail' = 'gate') {
  vi.resetModules()
  let open!: () => void
  const gate = new Promise<void>((resolve) => (open = resolve))
  let requested = 0
  vi.doMock(PARSE_EVENT, async (importOriginal) => {
    requested++
    if (mode === 'fail') throw new Error('Failed to fetch dynamically imported module')
    await gate
    return importOriginal()
  })
  return {
    open,
    /** How many times the chunk was asked for. */
    requested: () => requested,
    restore() {
      vi.doUnmock(PARSE_EVENT)
      vi.resetModules()
    },
  }
}

/** Lets every pending promise job and timer of this turn run. */
export const turns = async (n = 3) => {
  for (let i = 0; i < n; i++) await new Promise((resolve) => setTimeout(resolve, 0))
}
