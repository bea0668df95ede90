import { describe, expect, it } from 'vitest'
import { createAgentStore } from '../../src/core/store/createAgentStore'
import { createRng, faultSeed } from './createRng'
import { withRig } from './defineFaultSuite'
import { httpAgentAt, summary, tally, USER_MESSAGE } from './faultHarness'

const seed = faultSeed()
const sub = (label: string) => createRng(seed).fork(label).seed

describe(`HttpAgent silent connections (read-idle timeout), seed ${seed} (FAULT_SEED=${seed} to replay)`, () => {
  it('an SSE answer that goes silent mid-run (TCP open, no bytes) is dropped after idleTimeoutMs, and the run resumes on a new request', async () => {
    const s = sub('http-silent')
    await withRig(s, { agent: { events: 3000, pauseEvery: 10, pauseMs: 2 } }, async (rig) => {
      const agent = httpAgentAt(rig.proxy.port, { idleTimeoutMs: 300 })
      const store = createAgentStore({ agent, threadId: 'thread-fault' })
      const seqs: number[] = []
      store.onEvent((event) => seqs.push(event.timestamp ?? -1))
      const causes: string[] = []
      agent.subscribeConnection((state) => {
        if (state.status === 'reconnecting') causes.push(state.error?.code ?? 'none')
      })
      const started = performance.now()
      const running = store.run({ message: USER_MESSAGE })
      while (seqs.length < 300) await new Promise((r) => setTimeout(r, 2))
      const silenced = rig.proxy.stallAll()
      const appliedWhenSilenced = seqs.length
      const snapshot = await running
      store.destroy()
      summary('http silent connection', {
        seed: s,
        silenced,
        appliedWhenSilenced,
        heartbeatTimeouts: causes.filter((c) => c === 'heartbeat_timeout').length,
        connections: rig.proxy.stats.connections,
        ...tally(seqs, rig.expected.events),
        ms: performance.now() - started,
      })
      expect(silenced).toBeGreaterThanOrEqual(1)
      expect(causes).toContain('heartbeat_timeout')
      expect(snapshot.run.status).toBe('finished')
      expect(snapshot.messages).toEqual(rig.expected.messages)
      expect(snapshot.state).toEqual(rig.expected.state)
      expect(tally(seqs, rig.expected.events)).toEqual({ lost: 0, duplicated: 0, outOfOrder: 0 })
    })
  }, 60_000)
})
