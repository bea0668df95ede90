// Which modules make up a bundle budget's initial load (issue 7): builds one of the apps of
// bench/scenarios/bundle.ts the same way (Vite, minified, React external) and lists every module
// of the initial load by minified size, with its gzip size alone (a guide: gzip of the whole chunk
// is smaller than the sum). Lazy chunks are listed apart.
//
//   node bench/bundleModules.mjs core|hooks|chat [--top N]
import { mkdirSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { gzipSync } from 'node:zlib'
import { APP_SOURCES, buildApp } from './buildApp.mjs'

const which = process.argv[2] ?? 'core'
const topAt = process.argv.indexOf('--top')
const top = topAt > 0 ? Number(process.argv[topAt + 1]) : Infinity
if (!APP_SOURCES[which])
  throw new Error(`bench/bundleModules.mjs: unknown app "${which}" (core, hooks, chat, agui)`)
const dir = resolve('node_modules/.cache/awr-bundle-modules')
mkdirSync(dir, { recursive: true })
const file = resolve(dir, `${which}.ts`)
writeFileSync(file, `${APP_SOURCES[which]}\n`)
const { chunks, initial } = await buildApp(file)
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
console.log(
  `initial ${(gzip / 1000).toFixed(1).padStart(5)} kB min+gzip (${gzip} bytes, ${initial.size} chunks)`,
)
rows.sort((a, b) => b[1] - a[1])
console.log('  min B   gzip B  module (gzip alone)')
for (const [id, len, gz] of rows.slice(0, top))
  console.log(`${String(len).padStart(7)} ${String(gz).padStart(8)}  ${id}`)
