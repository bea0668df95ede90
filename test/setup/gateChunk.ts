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
  /** The last import of the chunk, until it settles. */
  let importing: Promise<unknown> = Promise.resolve()
  vi.resetModules()
  vi.doMock(path, () => {
    chunk.imports++
    importing = (async () => {
      await gate
      if (chunk.fail) throw new Error('Failed to fetch dynamically imported module')
      return vi.importActual(path)
    })()
    return importing
  })
  /**
   * Releases the gate and resolves once the chunk's last import settled: call it before the
   * next test resets the modules, or an import still in flight (`importActual` is slow on a
   * loaded machine) lands in the next test's fresh modules as if its chunk were loaded.
   */
  const settle = async () => {
    release()
    await importing.catch(() => undefined)
  }
  return { chunk, release, settle }
}
