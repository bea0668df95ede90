// @vitest-environment jsdom
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { cleanup, render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { AgentProvider, Chat } from '../../src'
import { HttpAgent } from '../../src/core'

/**
 * Bad input end to end: a real HTTP server misbehaving in each way issue 2 lists, HttpAgent, the
 * store and <Chat />. Each ends in an AgentError with its code in the error banner, and what
 * arrived before stays on screen.
 */
const start = (runId: string) =>
  `data: {"type":"RUN_STARTED","threadId":"t","runId":"${runId}"}\n\n`
const partial =
  'data: {"type":"TEXT_MESSAGE_START","messageId":"a1","role":"assistant"}\n\n' +
  'data: {"type":"TEXT_MESSAGE_CONTENT","messageId":"a1","delta":"Partial answer"}\n\n'

const routes: Record<string, (res: import('node:http').ServerResponse) => void> = {
  '/500': (res) => res.writeHead(500, { 'Content-Type': 'text/plain' }).end('upstream exploded'),
  '/html': (res) =>
    res.writeHead(200, { 'Content-Type': 'text/html' }).end('<!doctype html><p>login</p>'),
  '/cut': (res) => {
    res.writeHead(200, { 'Content-Type': 'text/event-stream' })
    res.end(start('r') + partial)
  },
  '/badjson': (res) => {
    res.writeHead(200, { 'Content-Type': 'text/event-stream' })
    res.end(start('r') + partial + 'data: {not json\n\n')
  },
  '/invalid': (res) => {
    res.writeHead(200, { 'Content-Type': 'text/event-stream' })
    res.end(
      start('r') +
        partial +
        'data: {"type":"TEXT_MESSAGE_CONTENT","messageId":"a1","delta":42}\n\n',
    )
  },
  '/order': (res) => {
    res.writeHead(200, { 'Content-Type': 'text/event-stream' })
    res.end(
      start('r') +
        partial +
        'data: {"type":"TEXT_MESSAGE_CONTENT","messageId":"ghost","delta":"x"}\n\n',
    )
  },
}

let server: Server
let base = ''
beforeAll(async () => {
  server = createServer((req, res) => {
    req.resume()
    req.on('end', () => {
      const route = routes[req.url ?? '']
      if (route) route(res)
      else res.writeHead(404).end()
    })
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => new Promise<void>((r) => server.close(() => r())))
afterEach(cleanup)

const cases: Array<[route: string, code: string, keepsPartial: boolean]> = [
  ['/500', 'http_error', false],
  ['/html', 'invalid_response', false],
  ['/cut', 'truncated', true],
  ['/badjson', 'invalid_json', true],
  ['/invalid', 'invalid_event', true],
  ['/order', 'protocol_violation', true],
]

describe('<Chat /> + HttpAgent against a misbehaving server', () => {
  for (const [route, code, keepsPartial] of cases) {
    it(`${route}: banner shows ${code}${keepsPartial ? ', the partial reply stays' : ''}`, async () => {
      render(
        <AgentProvider agent={new HttpAgent({ url: base + route })}>
          <Chat />
        </AgentProvider>,
      )
      await userEvent.type(screen.getByRole('textbox', { name: 'Message' }), 'hi{Enter}')
      const banner = await screen.findByRole('alert', {}, { timeout: 5000 })
      expect(banner.textContent).toContain(code)
      expect(screen.getByRole('button', { name: 'Retry' })).toBeTruthy()
      await waitFor(() =>
        expect(document.querySelector('[data-role="user"]')?.textContent).toContain('hi'),
      )
      const reply = document.querySelector('[data-role="assistant"]')
      if (keepsPartial) expect(reply?.textContent).toContain('Partial answer')
      else expect(reply).toBeNull()
    })
  }
})
