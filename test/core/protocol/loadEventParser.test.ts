import { afterEach, describe, expect, it } from 'vitest'
import { gateEventParser, turns } from './gateEventParser'

let gate: ReturnType<typeof gateEventParser> | undefined
afterEach(() => gate?.restore())

const load = () => import('../../../src/core/protocol/loadEventParser')

describe('loadEventParser / preloadProtocol: the event validator in its own chunk', () => {
  it('loads once; loadedEventParser() is there after, and parses', async () => {
    gate = gateEventParser()
    const m = await load()
    expect(m.loadedEventParser()).toBeUndefined()
    const preload = m.preloadProtocol()
    const second = m.loadEventParser()
    gate.open()
    await preload
    const create = await second
    expect(m.loadedEventParser()).toBe(create)
    expect(gate.requested()).toBe(1)
    expect(create().parse({ type: 'RUN_STARTED', threadId: 't', runId: 'r' }).ok).toBe(true)
    expect(
      create().parse({ type: 'TEXT_MESSAGE_CONTENT', messageId: 'm', delta: 1 }),
    ).toMatchObject({ ok: false, dropped: false, error: { code: 'invalid_event' } })
  })

  it('a failed load rejects with AgentError load_failed (retryable); preloadProtocol never rejects; the next call tries again', async () => {
    gate = gateEventParser('fail')
    const m = await load()
    await expect(m.preloadProtocol()).resolves.toBeUndefined()
    const error = await m.loadEventParser().catch((e: unknown) => e)
    expect(error).toMatchObject({ name: 'AgentError', code: 'load_failed', retryable: true })
    expect((error as Error).message).toMatch(/event validator could not be loaded/)
    expect(gate.requested()).toBe(2)
    expect(m.loadedEventParser()).toBeUndefined()
  })

  it('pendingEventParser: a stand-in with `ready` while loading, the real parser after', async () => {
    gate = gateEventParser()
    const m = await load()
    const pending = m.pendingEventParser()
    expect(pending.ready).toBeInstanceOf(Promise)
    // Used too early (callers hold events back), it refuses instead of guessing.
    expect(pending.parse({ type: 'RUN_STARTED', threadId: 't', runId: 'r' })).toMatchObject({
      ok: false,
      dropped: false,
      error: { code: 'load_failed' },
    })
    gate.open()
    await pending.ready
    expect(pending.ready).toBeUndefined()
    expect(pending.parse({ type: 'THINKING_START' })).toMatchObject({
      ok: true,
      event: { type: 'REASONING_START' },
    })
    expect(m.pendingEventParser().ready).toBeUndefined() // loaded: the real parser at once
  })

  it('pendingEventParser: a failed load rejects `ready` with load_failed, and no unhandled rejection when nobody waits', async () => {
    gate = gateEventParser('fail')
    const m = await load()
    const waited = m.pendingEventParser()
    m.pendingEventParser() // nobody waits on this one
    await expect(waited.ready).rejects.toMatchObject({ code: 'load_failed' })
    await turns()
  })
})
