import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createAgentConnectProxy } from '../../../src/server/adapters/agentConnect'
import { createAgentStore } from '../../../src/core/store/createAgentStore'
import { startAgentConnect, type AgentConnectHarness } from './agentConnectHarness'

let h: AgentConnectHarness
let app: Server
let appUrl = ''
beforeEach(async () => {
  h = await startAgentConnect()
  const proxy = createAgentConnectProxy({ target: h.served.url })
  app = createServer((req, res) => proxy(req, res))
  await new Promise<void>((r) => app.listen(0, '127.0.0.1', r))
  appUrl = `http://127.0.0.1:${(app.address() as AddressInfo).port}`
})
afterEach(async () => {
  await new Promise<void>((r) => app.close(() => r()))
  await h.close()
})

describe('createAgentConnectProxy (same-origin REST, direct WebSocket)', () => {
  it('carries login, session create and status through the proxy; the socket goes direct', async () => {
    const agent = h.agent({
      baseUrl: `${appUrl}/agentconnect`,
      wsUrl: h.served.url.replace('http', 'ws'),
    })
    const store = createAgentStore({ agent, threadId: 't' })
    const snap = await store.run({ message: 'via proxy' })
    expect(snap.run.status).toBe('finished')
    expect(snap.messages.at(-1)).toMatchObject({ content: 'You said: via proxy' })
    const report = await agent.statusSource.load()
    expect(report.health).toMatchObject({ state: 'ok' })
    expect(h.fake.requests).toEqual(
      expect.arrayContaining([
        'POST /api/auth/login',
        'POST /api/chat/sessions/create',
        'GET /api/agents/list',
      ]),
    )
    store.destroy()
  })

  it('passes the upstream statuses through (401) and forwards nothing outside its routes', async () => {
    const unauthorized = await fetch(`${appUrl}/agentconnect/api/agents/list`)
    expect(unauthorized.status).toBe(401)
    const before = h.fake.requests.length
    const other = await fetch(`${appUrl}/agentconnect/api/admin/users`)
    expect(other.status).toBe(404)
    expect((await fetch(`${appUrl}/elsewhere/api/auth/login`, { method: 'POST' })).status).toBe(404)
    expect(h.fake.requests).toHaveLength(before)
  })
})
