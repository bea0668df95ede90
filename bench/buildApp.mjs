// Builds an app entry the way issue 7's bundle budgets measure it (shared by
// bench/scenarios/bundle.ts and bench/bundleModules.mjs): Vite (rolldown, its default minifier),
// as an app is built (not library mode, whose ES output keeps whitespace and module comments),
// the entry's exports kept so tree-shaking leaves exactly what the app uses, React external.
import react from '@vitejs/plugin-react'
import { resolve } from 'node:path'
import { build } from 'vite'

const REACT = /^(react|react-dom)(\/.*)?$/
const src = (path) => JSON.stringify(resolve('src', path))

/**
 * The entry module of each app the budgets measure (imports resolved from the repository root):
 * each re-exports what it uses, so the figure is what tree-shaking leaves of the library.
 */
export const APP_SOURCES = {
  core: `export { HttpAgent, reduceEvents, createAgentStore } from ${src('core/index.ts')}`,
  hooks: `export * from ${src('react/index.ts')}\nexport { HttpAgent } from ${src('core/index.ts')}`,
  chat: `export { Chat } from ${src('components/index.ts')}\nexport { AgentProvider } from ${src('react/index.ts')}\nexport { HttpAgent } from ${src('core/index.ts')}`,
  agui: `export { HttpAgent } from '@ag-ui/client'`,
}

/**
 * Builds the app whose entry module is `file` (minified, nothing written) and returns its
 * chunks by file name, and the names of those in the initial load: the entry and every chunk
 * it imports statically, transitively (the rest load with `import()` on first use).
 */
export async function buildApp(file) {
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    plugins: [react()],
    define: { 'process.env.NODE_ENV': '"production"' },
    build: {
      write: false,
      minify: true,
      sourcemap: false,
      cssCodeSplit: false,
      rolldownOptions: {
        input: file,
        preserveEntrySignatures: 'allow-extension',
        external: (id) => REACT.test(id),
      },
    },
  })
  const chunks = new Map()
  for (const out of Array.isArray(result) ? result : [result])
    for (const chunk of out.output) if (chunk.type === 'chunk') chunks.set(chunk.fileName, chunk)
  const initial = new Set()
  const visit = (name) => {
    if (initial.has(name) || !chunks.has(name)) return
    initial.add(name)
    for (const imported of chunks.get(name).imports) visit(imported)
  }
  for (const chunk of chunks.values()) if (chunk.isEntry) visit(chunk.fileName)
  return { chunks, initial }
}
