import { describe, expect, it } from 'vitest'
import { AgentError } from '../../../src/core/protocol/AgentError'
import { createConnectionAuth } from '../../../src/core/transport/createConnectionAuth'
import type { AuthRefreshResult } from '../../../src/core/transport/WebSocketConnectionOptions'

const refused = new AgentError('auth_required', 'The server refused the credentials.', {
  closeCode: 4401,
})

describe('createConnectionAuth', () => {
  it('gives no token without auth, the string auth, or what the auth function resolves (called each connect)', async () => {
    expect(await createConnectionAuth({}).token()).toBeUndefined()
    expect(await createConnectionAuth({ auth: 'static' }).token()).toBe('static')
    let n = 0
    const auth = createConnectionAuth({ auth: async () => `t${++n}` })
    expect(await auth.token()).toBe('t1')
    expect(await auth.token()).toBe('t2')
  })

  it('rejects when the auth function does', async () => {
    const auth = createConnectionAuth({
      auth: () => Promise.reject(new Error('no session')),
    })
    await expect(auth.token()).rejects.toThrow('no session')
  })

  it('without onAuthRequired, answers the fallback', async () => {
    const auth = createConnectionAuth({ auth: 'x' })
    expect(await auth.askApp(refused, true)).toBe(true)
    expect(await auth.askApp(refused, false)).toBe(false)
  })

  it('passes the error to onAuthRequired; false stops, nothing (undefined) reconnects', async () => {
    const seen: AgentError[] = []
    let answer: AuthRefreshResult = false
    const auth = createConnectionAuth({
      onAuthRequired: (error) => {
        seen.push(error)
        return answer
      },
    })
    expect(await auth.askApp(refused, true)).toBe(false)
    answer = undefined
    expect(await auth.askApp(refused, false)).toBe(true)
    expect(seen).toEqual([refused, refused])
  })

  it('a token onAuthRequired returns replaces a string auth for good', async () => {
    const auth = createConnectionAuth({ auth: 'old', onAuthRequired: async () => 'fresh' })
    expect(await auth.askApp(refused, false)).toBe(true)
    expect(await auth.token()).toBe('fresh')
    expect(await auth.token()).toBe('fresh')
  })

  it('a token onAuthRequired returns is used once when auth is a function, which stays the source', async () => {
    const auth = createConnectionAuth({
      auth: () => 'from-function',
      onAuthRequired: () => 'fresh',
    })
    expect(await auth.askApp(refused, false)).toBe(true)
    expect(await auth.token()).toBe('fresh')
    expect(await auth.token()).toBe('from-function')
  })

  it('an onAuthRequired that throws or rejects answers false (never rejects)', async () => {
    const throwing = createConnectionAuth({
      onAuthRequired: () => {
        throw new Error('boom')
      },
    })
    expect(await throwing.askApp(refused, true)).toBe(false)
    const rejecting = createConnectionAuth({ onAuthRequired: () => Promise.reject(new Error('x')) })
    expect(await rejecting.askApp(refused, true)).toBe(false)
  })

  it('reads the options at each call (an app may change them)', async () => {
    const options: Parameters<typeof createConnectionAuth>[0] = { auth: 'a' }
    const auth = createConnectionAuth(options)
    expect(await auth.token()).toBe('a')
    options.auth = 'b'
    expect(await auth.token()).toBe('b')
  })
})
