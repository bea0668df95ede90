import { describe, expect, it } from 'vitest'
import {
  CLOSE_CODE_POLICY,
  closeCodeRule,
  closeOutcome,
  parseRetryAfterMs,
} from '../../../src/core/transport/closeCodePolicy'

describe('CLOSE_CODE_POLICY', () => {
  it('is the contract table', () => {
    const actions = Object.fromEntries(
      Object.entries(CLOSE_CODE_POLICY).map(([code, rule]) => [code, rule.action]),
    )
    expect(actions).toEqual({
      1000: 'close',
      1001: 'reconnect',
      1006: 'reconnect',
      1008: 'auth',
      1011: 'reconnect',
      1012: 'reconnect',
      1013: 'reconnect',
      4000: 'reconnect',
      4001: 'new_session',
      4002: 'refresh',
      4003: 'auth',
      4004: 'rate_limit',
    })
    expect(Object.isFrozen(CLOSE_CODE_POLICY)).toBe(true)
  })

  it('an unknown code gets 4000’s rule, marked unknown', () => {
    expect(closeCodeRule(4999)).toEqual({ ...CLOSE_CODE_POLICY[4000], code: 4999, known: false })
    expect(closeCodeRule(1011)).toMatchObject({ known: true, action: 'reconnect' })
  })
})

describe('closeOutcome', () => {
  it('maps each code to its typed error', () => {
    expect(closeOutcome(4003, 'bad token').error).toMatchObject({
      code: 'auth_required',
      closeCode: 4003,
      retryable: false,
    })
    expect(closeOutcome(1008, '').error.code).toBe('auth_required')
    expect(closeOutcome(4002, '').error.code).toBe('auth_required')
    expect(closeOutcome(1006, '').error).toMatchObject({
      code: 'network',
      closeCode: 1006,
      retryable: true,
    })
    expect(closeOutcome(1011, 'oops').error).toMatchObject({
      code: 'connection_closed',
      closeCode: 1011,
    })
    expect(closeOutcome(1011, 'oops').error.message).toContain('internal server error: oops')
    expect(closeOutcome(1000, '').error.code).toBe('connection_closed')
  })

  it('4004: retry-after from the reason as the exact wait, else at least 30 s', () => {
    expect(closeOutcome(4004, 'retry-after=7')).toMatchObject({
      error: { code: 'rate_limited', retryAfterMs: 7000 },
      step: { exactMs: 7000 },
    })
    expect(closeOutcome(4004, '').step).toEqual({ minMs: 30_000 })
    expect(closeOutcome(4001, '').step).toBeUndefined()
  })
})

describe('parseRetryAfterMs', () => {
  it('reads retry-after=N (seconds) anywhere in a reason, or a bare number', () => {
    expect(parseRetryAfterMs('retry-after=12')).toBe(12_000)
    expect(parseRetryAfterMs('rate limited; Retry-After: 1.5')).toBe(1500)
    expect(parseRetryAfterMs('30')).toBe(30_000)
    expect(parseRetryAfterMs('')).toBeUndefined()
    expect(parseRetryAfterMs(undefined)).toBeUndefined()
    expect(parseRetryAfterMs('retry-after=soon')).toBeUndefined()
    expect(parseRetryAfterMs('noretry-after=5')).toBeUndefined()
  })
})
