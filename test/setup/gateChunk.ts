/**
 * Test helper: fresh modules whose lazily imported chunk `path` (absolute: `resolve('src/…')`
 * from the repository root, the tests' working directory) is held until `release()`, and fails
 * to load when released while `chunk.fail` is set, the way a slow or broken network serves a
 * lazy chunk. `chunk.imports` counts the times it was asked for. Undo with `vi.doUnmock(path)`.
 */
import { vi } from 'vitest'

export function gateChunk(path: string) {
  let release!: () => void
  const gate = new Promise<void>((resolve) => (release = resolve))
  const chunk = { fail: false, imports: 0 }
  vi.resetModules()
  vi.doMock(path, async () => {
    chunk.imports++
    await gate
    if (chunk.fail) throw new Error('Failed to fetch dynamically imported module')
    return vi.importActual(path)
  })
  return { chunk, release }
}
