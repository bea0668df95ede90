import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { build, type Rolldown } from 'vite'
import { describe, expect, it } from 'vitest'

const src = resolve('src/index.ts')

/** Minified production build of `source` (React external); the JS of every chunk. */
async function bundle(name: string, source: string): Promise<string> {
  const dir = resolve('node_modules/.cache/awr-status-tree')
  mkdirSync(dir, { recursive: true })
  const file = resolve(dir, `${name}.ts`)
  writeFileSync(file, `${source}\n`)
  try {
    const result = (await build({
      configFile: false,
      logLevel: 'silent',
      define: { 'process.env.NODE_ENV': '"production"' },
      build: {
        write: false,
        minify: true,
        lib: { entry: file, formats: ['es'], fileName: name },
        rolldownOptions: { external: (id: string) => /^(react|react-dom)(\/.*)?$/.test(id) },
      },
    })) as Rolldown.RolldownOutput | Rolldown.RolldownOutput[]
    return (Array.isArray(result) ? result : [result])
      .flatMap((out) => out.output)
      .map((chunk) => (chunk.type === 'chunk' ? chunk.code : ''))
      .join('\n')
  } finally {
    rmSync(file, { force: true })
  }
}

describe('status page and inspector are left out of bundles that do not import them', () => {
  it('a <Chat /> app has neither; importing EventInspector brings it in', async () => {
    const chat = await bundle('chat', `export { Chat, AgentProvider } from ${JSON.stringify(src)}`)
    expect(chat).toContain('Send a message') // sanity: the chat is there (a ChatLabels string)
    expect(chat).not.toContain('__awr_fixture__')
    expect(chat).not.toContain('No capabilities known')
    const inspector = await bundle(
      'inspector',
      `export { Chat, AgentProvider, EventInspector } from ${JSON.stringify(src)}`,
    )
    expect(inspector).toContain('__awr_fixture__')
  }, 60_000) // two production builds: seconds each on a busy machine
})
