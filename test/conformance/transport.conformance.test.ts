import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAgentStore } from '../../src/core/store'
import { HttpAgent } from '../../src/core/transport'
import type { Message, Tool } from '../../src/core/protocol/types'
import { ALLOWLIST } from './allowlist'
import { checkFixture } from './checkFixture'
import { type Fixture, loadFixtures } from './fixtures'

const fixtures = ['spec-1.1', 'spec-1.0', 'spec-draft'].flatMap(loadFixtures)
const byPath = new Map(fixtures.map((f) => [`/${f.file}`, f]))
const requests = new Map<string, Record<string, unknown>>()
let server: Server
let base: string

// A real SSE server that sends each fixture's stream verbatim, one `data:` frame per event.
beforeAll(async () => {
  server = createServer((req, res) => {
    let body = ''
    req.on('data', (c) => (body += c))
    req.on('end', () => {
      const fixture = byPath.get(req.url ?? '')
      if (!fixture) return void res.writeHead(404).end()
      requests.set(fixture.file, JSON.parse(body))
      res.writeHead(200, { 'Content-Type': 'text/event-stream' })
      for (const event of fixture.stream) res.write(`data: ${JSON.stringify(event)}\n\n`)
      res.end()
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

async function observe(fixture: Fixture) {
  const agent = new HttpAgent({ url: `${base}/${fixture.file}` })
  const store = createAgentStore({
    agent,
    initialMessages: (fixture.input?.messages ?? []) as Message[],
    tools: (fixture.input?.tools ?? []) as Tool[],
    ...(fixture.client?.maxProtocolVersion && {
      maxProtocolVersion: fixture.client.maxProtocolVersion,
    }),
    scheduler: (flush) => queueMicrotask(flush),
  } as Parameters<typeof createAgentStore>[0])
  const events: Array<Record<string, unknown>> = []
  store.onEvent((e) => events.push(e as unknown as Record<string, unknown>))
  const snapshot = await store.run()
  return { snapshot, events, request: requests.get(fixture.file) }
}

describe('conformance corpus: transport lane (real SSE → HttpAgent → store)', () => {
  for (const fixture of fixtures) {
    const allowed = ALLOWLIST[fixture.file]?.lanes.includes('transport')
    it(`${fixture.file}${allowed ? ' (allowlisted deviation)' : ''}`, async () => {
      const failures = checkFixture(fixture, await observe(fixture), 'transport')
      if (allowed)
        expect(
          failures,
          'allowlisted fixture now passes: remove it from the allowlist',
        ).not.toEqual([])
      else expect(failures).toEqual([])
    })
  }
})
