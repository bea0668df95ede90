import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { build } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import pkg from '../../package.json' with { type: 'json' }

// Inside the repo, so the built files resolve their dependencies from node_modules like a user's would.
const outDir = resolve('node_modules/.cache/awr-build-test')
mkdirSync(outDir, { recursive: true })
const importsOf = (file: string) =>
  [...readFileSync(join(outDir, file), 'utf8').matchAll(/(?:from|import)\s*"([^"]+)"/g)].map(
    (m) => m[1],
  )

/** Every module a browser entry pulls in, following the build's own chunks. */
function closure(entry: string, seen = new Set<string>()): Set<string> {
  for (const spec of importsOf(entry)) {
    if (seen.has(spec)) continue
    seen.add(spec)
    if (spec.startsWith('./')) closure(spec.slice(2), seen)
  }
  return seen
}

beforeAll(async () => {
  await build({
    configFile: 'vite.config.ts',
    logLevel: 'silent',
    build: { outDir, sourcemap: false },
  })
}, 60_000)
afterAll(() => rmSync(outDir, { recursive: true, force: true }))

describe('library build (vite library mode)', () => {
  it('emits a file for every export of package.json', () => {
    for (const [key, target] of Object.entries(pkg.exports)) {
      if (key === './package.json') continue
      const file =
        typeof target === 'string'
          ? target
          : ((target as Record<string, string>).import ?? (target as Record<string, string>).node)
      expect(existsSync(join(outDir, file.replace('./dist/', ''))), `${key} → ${file}`).toBe(true)
    }
  })

  it('keeps Node modules and the server out of browser entry points', () => {
    for (const entry of ['index.js', 'core.js', 'testing.js']) {
      const deps = [...closure(entry)]
      expect(
        deps.filter((d) => d.startsWith('node:') || d === 'ws'),
        entry,
      ).toEqual([])
      expect(
        deps.some((d) => d.includes('server')),
        entry,
      ).toBe(false)
    }
  })

  it('keeps React out of the core entry and external everywhere', () => {
    expect([...closure('core.js')].filter((d) => d.startsWith('react'))).toEqual([])
    const emitted = readdirSync(outDir).filter((f) => f.endsWith('.js'))
    for (const f of emitted)
      expect(readFileSync(join(outDir, f), 'utf8')).not.toMatch(
        /function useSyncExternalStore|react-dom\.production/,
      )
  })

  it('runs in plain Node ESM: core reduces a stream, server serves one', async () => {
    const core = await import(pathToFileURL(join(outDir, 'core.js')).href)
    const snapshot = core.reduceEvents([
      { type: 'RUN_STARTED', threadId: 't', runId: 'r' },
      { type: 'STATE_SNAPSHOT', snapshot: { n: 1 } },
      { type: 'STATE_DELTA', delta: [{ op: 'replace', path: '/n', value: 2 }] },
      { type: 'TEXT_MESSAGE_CHUNK', messageId: 'm', delta: 'ok' },
      { type: 'RUN_FINISHED', threadId: 't', runId: 'r' },
    ])
    expect(snapshot.run.status).toBe('finished')
    expect(snapshot.state).toEqual({ n: 2 })
    expect(snapshot.messages).toEqual([{ id: 'm', role: 'assistant', content: 'ok' }])
    const server = await import(pathToFileURL(join(outDir, 'server.js')).href)
    expect(server.encodeSSE({ type: 'RAW', event: 1 })).toBe('data: {"type":"RAW","event":1}\n\n')
  })

  it('declares only CSS as side effects, and react/react-dom as peers', () => {
    expect(pkg.sideEffects).toEqual(['*.css'])
    expect(Object.keys(pkg.peerDependencies).sort()).toEqual(['react', 'react-dom'])
    expect(Object.keys(pkg.dependencies)).not.toContain('react')
  })
})
