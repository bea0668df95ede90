/**
 * Bundle: minified + gzip size of what an app ships for each layer (issue 7), built with
 * Vite (rolldown, its default minifier), React external, everything else bundled. The
 * `@ag-ui/client` figure is the same build of an app importing its `HttpAgent`.
 *
 * Each "app" is a one-line entry that re-exports what it uses, so the figure is what
 * tree-shaking leaves of the library for that use.
 */
import react from '@vitejs/plugin-react'
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { gzipSync } from 'node:zlib'
import { build, type Rolldown } from 'vite'
import { TARGETS } from '../budgets'
import type { BenchRow } from '../measure'

/** An app entry to measure; `name` keys its budget in `TARGETS.bundleKb` (none: informational). */
export interface BundleCase {
  name: string
  label: string
  /** The entry module's source (imports resolved from the repository root). */
  source: string
}

const src = (path: string) => JSON.stringify(resolve('src', path))

/** The apps measured: core, hooks, `<Chat />` with markdown, and `@ag-ui/client`'s `HttpAgent`. */
export const BUNDLE_CASES: readonly BundleCase[] = [
  {
    name: 'core',
    label: 'core: HttpAgent + reduceEvents + createAgentStore',
    source: `export { HttpAgent, reduceEvents, createAgentStore } from ${src('core/index.ts')}`,
  },
  {
    name: 'hooks',
    label: 'hooks: AgentProvider + every hook + HttpAgent',
    source: `export * from ${src('react/index.ts')}\nexport { HttpAgent } from ${src('core/index.ts')}`,
  },
  {
    name: 'chat',
    label: '<Chat /> with markdown + AgentProvider + HttpAgent',
    source: `export { Chat } from ${src('components/index.ts')}\nexport { AgentProvider } from ${src('react/index.ts')}\nexport { HttpAgent } from ${src('core/index.ts')}`,
  },
  {
    name: 'agui',
    label: '@ag-ui/client: HttpAgent',
    source: `export { HttpAgent } from '@ag-ui/client'`,
  },
]

const REACT = /^(react|react-dom)(\/.*)?$/

/** Builds `entry` (minified, React external) and returns its JS bytes, raw and gzipped. */
export async function bundleSize(entry: BundleCase): Promise<{ raw: number; gzip: number }> {
  const dir = resolve('node_modules/.cache/awr-bundle-size')
  mkdirSync(dir, { recursive: true })
  const file = join(dir, `${entry.name}.ts`)
  writeFileSync(file, `${entry.source}\n`)
  try {
    const result = (await build({
      configFile: false,
      logLevel: 'silent',
      plugins: [react()],
      define: { 'process.env.NODE_ENV': '"production"' },
      build: {
        write: false,
        minify: true,
        sourcemap: false,
        cssCodeSplit: false,
        lib: { entry: file, formats: ['es'], fileName: entry.name },
        rolldownOptions: { external: (id: string) => REACT.test(id) },
      },
    })) as Rolldown.RolldownOutput | Rolldown.RolldownOutput[]
    const outputs = Array.isArray(result) ? result : [result]
    let raw = 0
    let gzip = 0
    for (const out of outputs)
      for (const chunk of out.output) {
        if (chunk.type !== 'chunk') continue
        raw += Buffer.byteLength(chunk.code)
        gzip += gzipSync(chunk.code, { level: 9 }).byteLength
      }
    return { raw, gzip }
  } finally {
    rmSync(file, { force: true })
  }
}

/** The bundle rows of the table (the `@ag-ui/client` figure beside the core one). */
export async function bundleRows(): Promise<BenchRow[]> {
  const sizes = new Map<string, number>()
  for (const c of BUNDLE_CASES) sizes.set(c.name, (await bundleSize(c)).gzip / 1000)
  const agui = sizes.get('agui')!
  return BUNDLE_CASES.filter((c) => TARGETS.bundleKb[c.name] !== undefined).map((c) => {
    const ours = sizes.get(c.name)!
    const budget = TARGETS.bundleKb[c.name]
    return {
      scenario: `Bundle: ${c.label}`,
      ours,
      agui: c.name === 'core' ? agui : null,
      unit: 'kB min+gzip',
      ratio: c.name === 'core' ? agui / ours : null,
      target: `≤ ${budget} kB${c.name === 'core' ? ' (ratio: times smaller)' : ''}`,
      pass: ours <= budget,
    }
  })
}
