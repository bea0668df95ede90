/**
 * Bundle: minified + gzip size of what an app ships for each layer (issue 7), built as an app
 * is with Vite (rolldown, its default minifier; not library mode, whose ES output keeps
 * whitespace and module comments), React external, everything else bundled. The
 * `@ag-ui/client` figure is the same build of an app importing its `HttpAgent`.
 *
 * Each "app" is a one-line entry that re-exports what it uses, so the figure is what
 * tree-shaking leaves of the library for that use. The figure is the initial load (the entry
 * chunk and its static imports); chunks the kit loads with `import()` on first use (interrupt
 * `responseSchema` validation, the markdown renderer) are listed beside it, not counted.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { gzipSync } from 'node:zlib'
import { APP_SOURCES, buildApp } from '../buildApp.mjs'
import { TARGETS } from '../budgets'
import type { BenchRow } from '../measure'

/** An app entry to measure; `name` keys its budget in `TARGETS.bundleKb` (none: informational). */
export interface BundleCase {
  name: string
  label: string
  /** The entry module's source (imports resolved from the repository root). */
  source: string
}

/** The apps measured: core, hooks, `<Chat />` with markdown, and `@ag-ui/client`'s `HttpAgent`. */
export const BUNDLE_CASES: readonly BundleCase[] = [
  { name: 'core', label: 'core: HttpAgent + reduceEvents + createAgentStore' },
  { name: 'hooks', label: 'hooks: AgentProvider + every hook + HttpAgent' },
  { name: 'chat', label: '<Chat /> with markdown + AgentProvider + HttpAgent' },
  { name: 'agui', label: '@ag-ui/client: HttpAgent' },
].map((c) => ({ ...c, source: APP_SOURCES[c.name]! }))

/** The size of one build, bytes (JS only). */
export interface BundleSize {
  /** What the app loads up front: the entry chunk and every chunk it imports statically. */
  raw: number
  gzip: number
  /**
   * Chunks loaded on first use only (`import()`: e.g. `responseSchema` validation, the markdown
   * renderer), gzipped, by the name of their main module; not counted in `gzip`.
   */
  lazy: Array<{ name: string; gzip: number }>
  /**
   * What a text-only first run adds to the initial load: the lazy chunks every run needs
   * (the SSE reader, the event validator), with their static imports; gzipped bytes. The
   * initial load plus this is what an app has downloaded once its first reply streams.
   */
  firstRun: number
}

/** The modules whose chunks every run loads (started with the run's request). */
const FIRST_RUN_MODULES = /\/(sseReaderChunk|parseEvent)\.ts$/

/**
 * Builds `entry` (minified, React external) and returns its JS bytes, raw and gzipped: the
 * initial load (what a budget judges), and each lazily loaded chunk apart.
 */
export async function bundleSize(entry: BundleCase): Promise<BundleSize> {
  const dir = resolve('node_modules/.cache/awr-bundle-size')
  mkdirSync(dir, { recursive: true })
  const file = join(dir, `${entry.name}.ts`)
  writeFileSync(file, `${entry.source}\n`)
  try {
    const { chunks, initial } = await buildApp(file)
    // What every run loads beside: the chunks of FIRST_RUN_MODULES and their static imports.
    const firstRun = new Set<string>()
    const visitRun = (name: string) => {
      if (initial.has(name) || firstRun.has(name) || !chunks.has(name)) return
      firstRun.add(name)
      for (const imported of chunks.get(name)!.imports) visitRun(imported)
    }
    for (const chunk of chunks.values())
      if (chunk.facadeModuleId && FIRST_RUN_MODULES.test(chunk.facadeModuleId))
        visitRun(chunk.fileName)
    const size: BundleSize = { raw: 0, gzip: 0, lazy: [], firstRun: 0 }
    for (const chunk of chunks.values()) {
      const gzip = gzipSync(chunk.code, { level: 9 }).byteLength
      if (initial.has(chunk.fileName)) {
        size.raw += Buffer.byteLength(chunk.code)
        size.gzip += gzip
      } else size.lazy.push({ name: chunk.name, gzip })
      if (firstRun.has(chunk.fileName)) size.firstRun += gzip
    }
    return size
  } finally {
    rmSync(file, { force: true })
  }
}

/** The bundle rows of the table (the `@ag-ui/client` figure beside the core one). */
export async function bundleRows(): Promise<BenchRow[]> {
  const sizes = new Map<string, BundleSize>()
  for (const c of BUNDLE_CASES) sizes.set(c.name, await bundleSize(c))
  const agui = sizes.get('agui')!.gzip / 1000
  return BUNDLE_CASES.filter((c) => TARGETS.bundleKb[c.name] !== undefined).flatMap((c) => {
    const size = sizes.get(c.name)!
    const ours = size.gzip / 1000
    const budget = TARGETS.bundleKb[c.name]
    const lazy = size.lazy.length
      ? ` (+ on first use: ${size.lazy.map((l) => `${l.name} ${(l.gzip / 1000).toFixed(1)} kB`).join(', ')})`
      : ''
    const afterFirstRun = (size.gzip + size.firstRun) / 1000
    return [
      {
        scenario: `Bundle: ${c.label}${lazy}`,
        ours,
        agui: c.name === 'core' ? agui : null,
        unit: 'kB min+gzip',
        ratio: c.name === 'core' ? agui / ours : null,
        target: `≤ ${budget} kB${c.name === 'core' ? ' (ratio: times smaller)' : ''}`,
        pass: ours <= budget,
      },
      {
        scenario: `Bundle: ${c.name}, initial load + what a text-only first run loads (SSE reader, event validator)`,
        ours: afterFirstRun,
        agui: c.name === 'core' ? agui : null,
        unit: 'kB min+gzip',
        ratio: c.name === 'core' ? agui / afterFirstRun : null,
        target: '—',
        pass: null,
      },
    ]
  })
}
