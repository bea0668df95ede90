/**
 * Snapshot re-sync end to end (issue 6: "a server that cannot replay leads to a re-sync from
 * MESSAGES_SNAPSHOT/STATE_SNAPSHOT"): a store run over each transport loses its connection, the
 * run ends on the server meanwhile and its replay buffer expires; the resume is answered with
 * the run's final messages and state, and the run ends `finished` with the uncut result.
 */
import { expect, it } from 'vitest'
import type { Diagnostic } from '../../src/core/protocol/Diagnostic'
import { createAgentStore } from '../../src/core/store/createAgentStore'
import type { Agent } from '../../src/core/transport/Agent'
import { createFaultProxy } from './createFaultProxy'
import { createLongRunAgent } from './createLongRunAgent'
import {
  expectedSnapshot,
  httpAgentAt,
  startFaultServer,
  USER_MESSAGE,
  wsAgentAt,
} from './faultHarness'

const TTL = 60_000
const SLOW_RECONNECT = { baseMs: 20, capMs: 100, maxAttempts: 200 }

it.each(['http', 'ws'] as const)(
  '%s: the replay buffer expired while the client was away: re-synced from snapshots, the run ends finished, no event applied twice',
  async (transport) => {
    let now = 1_000_000
    const agent = createLongRunAgent({ events: 1500, seed: 7, pauseEvery: 50, pauseMs: 1 })
    const server = await startFaultServer(agent, { registry: { ttlMs: TTL, now: () => now } })
    const proxy = await createFaultProxy({ target: server.port, seed: 7 })
    const expected = await expectedSnapshot(agent)
    const diagnostics: Diagnostic[] = []
    const options = {
      reconnect: SLOW_RECONNECT,
      onDiagnostic: (d: Diagnostic) => diagnostics.push(d),
    }
    const client =
      transport === 'http' ? httpAgentAt(proxy.port, options) : wsAgentAt(proxy.port, options)
    const runIds: string[] = []
    const ids: number[] = []
    const tapped: Agent = {
      validatesEvents: true,
      run: (input, o = {}) => {
        runIds.push(input.runId)
        return client.run(input, { ...o, onEventId: (id) => ids.push(id) })
      },
    }
    const store = createAgentStore({ agent: tapped, threadId: 'thread-fault' })
    let applied = 0
    store.onEvent(() => applied++)
    try {
      const running = store.run({ message: USER_MESSAGE })
      while (applied < 200) await new Promise((r) => setTimeout(r, 2))
      await proxy.refuse()
      proxy.cutAll()
      const run = server.registry.get(runIds[0])!
      await run.done
      now += TTL + 1 // the replay buffer expires; the re-sync is kept (1 h)
      expect(server.registry.get(runIds[0])).toBeUndefined()
      expect(server.registry.resync(runIds[0])).toBeDefined()
      await proxy.accept()
      const snapshot = await running
      expect(snapshot.run.status, JSON.stringify(snapshot.run.error)).toBe('finished')
      expect(snapshot.messages).toEqual(expected.messages)
      expect(snapshot.state).toEqual(expected.state)
      expect(new Set(ids).size).toBe(ids.length) // every id delivered once
      expect(ids.at(-1)).toBeGreaterThan(expected.events) // the re-sync frames come after the run's ids
      expect(diagnostics.map((d) => d.code)).toContain('replay_resynced')
    } finally {
      store.destroy()
      ;(client as { close?: () => void }).close?.()
      await proxy.close()
      await server.close()
    }
  },
  60_000,
)
