// Which modules make up a bundle budget's initial load (issue 7): builds one of the apps of
// bench/scenarios/bundle.ts the same way (Vite, minified, React external) and lists every module
// of the initial load by minified size, with its gzip size alone (a guide: gzip of the whole chunk
// is smaller than the sum). Lazy chunks are listed apart.
//
//   node bench/bundleModules.mjs core|hooks|chat [--top N]
import react from '@vitejs/plugin-react'
import { mkdirSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { gzipSync } from 'node:zlib'
import { build } from 'vite'

const which = process.argv[2] ?? 'core'
const topAt = process.argv.indexOf('--top')
const top = topAt > 0 ? Number(process.argv[topAt + 1]) : Infinity
const src = (path) => JSON.stringify(resolve('src', path))
const sources = {
  core: `export { HttpAgent, reduceEvents, createAgentStore } from ${src('core/index.ts')}`,
  hooks: `export * from ${src('react/index.ts')}\nexport { HttpAgent } from ${src('core/index.ts')}`,
  chat: `export { Chat } from ${src('components/index.ts')}\nexport { AgentProvider } from ${src('react/index.ts')}\nexport { HttpAgent } from ${src('core/index.ts')}`,
}
if (!sources[which])
  throw new Error(`bench/bundleModules.mjs: unknown app "${which}" (core, hooks, chat)`)
const dir = resolve('node_modules/.cache/awr-bundle-modules')
mkdirSync(dir, { recursive: true })
const file = resolve(dir, `${which}.ts`)
writeFileSync(file, `${sources[which]}\n`)
const result = await build({
  configFile: false,
  logLevel: 'silent',
  plugins: [react()],
  define: { 'process.env.NODE_ENV': '"production"' },
  build: {
    write: false,
    minify: true,
    sourcemap: false,
    // As an app is built, like bench/scenarios/bundle.ts (library mode keeps whitespace).
    rolldownOptions: {
      input: file,
      preserveEntrySignatures: 'allow-extension',
      external: (id) => /^(react|react-dom)(\/.*)?$/.test(id),
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
const rows = []
let gzip = 0
for (const chunk of chunks.values()) {
  const size = gzipSync(chunk.code, { level: 9 }).byteLength
  if (!initial.has(chunk.fileName)) {
    console.log(`lazy   ${(size / 1000).toFixed(1).padStart(6)} kB  ${chunk.fileName}`)
    continue
  }
  gzip += size
  for (const [id, m] of Object.entries(chunk.modules))
    if (m.renderedLength)
      rows.push([
        id.replace(`${process.cwd()}/`, ''),
        m.renderedLength,
        m.code ? gzipSync(m.code, { level: 9 }).byteLength : 0,
      ])
}
console.log(`initial ${(gzip / 1000).toFixed(1).padStart(5)} kB min+gzip (${initial.size} chunks)`)
rows.sort((a, b) => b[1] - a[1])
console.log('  min B   gzip B  module (gzip alone)')
for (const [id, len, gz] of rows.slice(0, top))
  console.log(`${String(len).padStart(7)} ${String(gz).padStart(8)}  ${id}`)
