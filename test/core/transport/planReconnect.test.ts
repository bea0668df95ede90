import { describe, expect, it } from 'vitest'
import { AgentError } from '../../../src/core/protocol/AgentError'
import { createBackoff } from '../../../src/core/transport/createBackoff'
import { planReconnect } from '../../../src/core/transport/planReconnect'

const dropped = new AgentError('network', 'The connection closed (1006).', { closeCode: 1006 })
const fixed = (maxAttempts = 3) =>
  createBackoff({ maxAttempts }, { random: () => 0.5, now: () => 0 })

describe('planReconnect', () => {
  it('waits the backoff delay, counting the attempt, while online', () => {
    const plan = planReconnect(fixed(), dropped, undefined, false)
    expect(plan).toEqual({
      state: { status: 'reconnecting', attempt: 1, nextRetryMs: 250, error: dropped },
      delayMs: 250,
    })
  })

  it("honours the server's step (an exact delay, or a floor such as Retry-After)", () => {
    expect(planReconnect(fixed(), dropped, { exactMs: 40 }, false)).toMatchObject({ delayMs: 40 })
    expect(planReconnect(fixed(), dropped, { minMs: 2_000 }, false)).toMatchObject({
      delayMs: 2_000,
    })
  })

  it('offline: counts the attempt but waits for the online event, not a timer', () => {
    const plan = planReconnect(fixed(), dropped, undefined, true)
    expect(plan).toEqual({
      state: {
        status: 'reconnecting',
        attempt: 1,
        nextRetryMs: 0,
        error: dropped,
        waitingFor: 'online',
      },
    })
  })

  it('gives up with connection_closed (cause and close code kept) once the backoff is spent', () => {
    const backoff = fixed(2)
    expect('state' in planReconnect(backoff, dropped, undefined, false)).toBe(true)
    expect('state' in planReconnect(backoff, dropped, undefined, false)).toBe(true)
    const plan = planReconnect(backoff, dropped, undefined, false)
    expect('giveUp' in plan).toBe(true)
    const error = (plan as { giveUp: AgentError }).giveUp
    expect(error).toMatchObject({ code: 'connection_closed', closeCode: 1006, cause: dropped })
    expect(error.message).toBe(
      'Gave up reconnecting after 2 attempts: The connection closed (1006).',
    )
  })
})
