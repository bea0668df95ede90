import { describe, it } from 'vitest'
import { createRng, faultSeed } from './createRng'
import { withRig } from './defineFaultSuite'
import { httpAgentAt } from './faultHarness'
import { silenceMidRun } from './silenceMidRun'

const seed = faultSeed()
const sub = (label: string) => createRng(seed).fork(label).seed

describe(`HttpAgent silent connections (read-idle timeout), seed ${seed} (FAULT_SEED=${seed} to replay)`, () => {
  it('an SSE answer that goes silent mid-run (TCP open, no bytes) is dropped after idleTimeoutMs, and the run resumes on a new request', async () => {
    const s = sub('http-silent')
    await withRig(s, { agent: { events: 3000, pauseEvery: 10, pauseMs: 2 } }, async (rig) => {
      const agent = httpAgentAt(rig.proxy.port, { idleTimeoutMs: 300 })
      await silenceMidRun(rig, agent, 'http silent connection', 300)
    })
  }, 60_000)
})
