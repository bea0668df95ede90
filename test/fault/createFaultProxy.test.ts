import { afterEach, describe, expect, it } from 'vitest'
import { createFaultProxy, type FaultProxy, type FaultProxyOptions } from './createFaultProxy'
import { createRng } from './createRng'
import { client, pattern, startTarget, tryConnect, until, type Target } from './tcpFixtures'

let target: Target | undefined
let proxy: FaultProxy | undefined
afterEach(async () => {
  await proxy?.close()
  target?.sockets.forEach((s) => s.destroy())
  await new Promise((r) => (target ? target.server.close(r) : r(undefined)))
  proxy = target = undefined
})

async function setup(payload: Buffer, opts: Partial<FaultProxyOptions> = {}, keepOpen = false) {
  target = await startTarget(payload, keepOpen)
  proxy = await createFaultProxy({ target: target.port, seed: 42, ...opts })
  return { target, proxy }
}

describe('createFaultProxy', () => {
  it('forwards bytes both ways unchanged when no fault is planned', async () => {
    const { target, proxy } = await setup(pattern(300_000))
    const up = pattern(50_000, 7)
    const { done } = client(proxy.port, up)
    const result = await done
    expect(result.error).toBeUndefined()
    expect(result.data.equals(pattern(300_000))).toBe(true)
    await until(() => target.closed === 1, 'server close')
    expect(Buffer.concat(target.received[0]).equals(up)).toBe(true)
    expect(proxy.stats).toMatchObject({ connections: 1, cuts: 0, bytesDown: 300_000 })
    expect(proxy.stats.bytesUp).toBe(50_000)
  })

  it.each(['end', 'reset'] as const)(
    "cuts at the planned byte offset ('%s'): the client gets a prefix, the server a close",
    async (cutMode) => {
      const { target, proxy } = await setup(pattern(500_000), {
        plan: () => ({ cutAtByte: 123_457, cutMode }),
      })
      const result = await client(proxy.port).done
      if (cutMode === 'end') {
        expect(result.data.length).toBe(123_457)
        expect(result.error).toBeUndefined()
      } else {
        // A reset discards what the client had not read yet; Linux reports ECONNRESET or, once the
        // client read everything, sometimes a plain end of stream.
        expect(result.data.length).toBeLessThanOrEqual(123_457)
        expect([undefined, 'ECONNRESET']).toContain(result.error?.code)
      }
      expect(result.data.equals(pattern(500_000).subarray(0, result.data.length))).toBe(true)
      await until(() => target.closed === 1, 'server close')
      expect(proxy.stats.cutsByReason).toEqual({ byte: 1, time: 0, manual: 0 })
      expect(proxy.stats.open).toBe(0)
    },
  )

  it('cuts after the planned time, and cutAll() cuts every open connection', async () => {
    const { proxy } = await setup(pattern(10), { plan: () => ({ cutAfterMs: 20 }) }, true)
    const first = await client(proxy.port).done
    expect(first.data.equals(pattern(10))).toBe(true)
    expect(proxy.stats.cutsByReason.time).toBe(1)

    proxy.setPlan(undefined)
    const a = client(proxy.port)
    const b = client(proxy.port)
    await until(() => proxy.stats.open === 2, 'two open connections')
    expect(proxy.cutAll()).toBe(2)
    await Promise.all([a.done, b.done])
    expect(proxy.stats.cutsByReason.manual).toBe(2)
  })

  it('arms a time cut only once armAtByte bytes went through', async () => {
    const { target, proxy } = await setup(
      pattern(500),
      { plan: () => ({ cutAfterMs: 10, armAtByte: 1000 }) },
      true,
    )
    let got = 0
    const c = client(proxy.port, undefined, (n) => (got = n))
    await until(() => got === 500, 'the first 500 bytes')
    await new Promise((r) => setTimeout(r, 50))
    expect(proxy.stats.cuts).toBe(0)
    target.sockets[0].write(pattern(600))
    const result = await c.done
    expect(result.data.length).toBe(1100)
    expect(proxy.stats.cutsByReason.time).toBe(1)
  })

  it('stalls at a byte offset (a silent, still-open connection) and resumes on unstall', async () => {
    const { target, proxy } = await setup(pattern(200_000), { plan: () => ({ stallAtByte: 1000 }) })
    let got = 0
    const c = client(proxy.port, undefined, (n) => (got = n))
    await until(() => got === 1000 && proxy.stats.stalls === 1, 'the stall')
    c.socket.write(Buffer.from('held'))
    await new Promise((r) => setTimeout(r, 30))
    expect(got).toBe(1000)
    expect(proxy.stats.open).toBe(1)
    expect(Buffer.concat(target.received[0] ?? []).length).toBe(0)
    proxy.unstallAll()
    const result = await c.done
    expect(result.data.equals(pattern(200_000))).toBe(true)
    expect(Buffer.concat(target.received[0]).toString()).toBe('held')
  })

  it('stallAll() silences open connections; a client that gives up closes the server side', async () => {
    const { target, proxy } = await setup(pattern(100), {}, true)
    const c = client(proxy.port)
    await until(() => proxy.stats.open === 1 && target.sockets.length === 1, 'connection')
    expect(proxy.stallAll()).toBe(1)
    c.socket.destroy()
    await c.done
    await until(() => target.closed === 1 && proxy.stats.open === 0, 'server close')
  })

  it('throttles the consumer: bytes arrive intact in small slices, a cut still lands at its offset', async () => {
    const { proxy } = await setup(pattern(60_000))
    proxy.throttle(200_000)
    const result = await client(proxy.port).done
    expect(result.data.equals(pattern(60_000))).toBe(true)
    expect(Math.max(...result.chunks)).toBeLessThan(16 * 1024)
    proxy.setPlan(() => ({ cutAtByte: 20_000, cutMode: 'end' }))
    const cut = await client(proxy.port).done
    expect(cut.data.equals(pattern(20_000))).toBe(true)
    expect(proxy.stats.bytesDown).toBe(80_000)
    proxy.setPlan(undefined)
    proxy.throttle(null)
    const fast = await client(proxy.port).done
    expect(fast.data.equals(pattern(60_000))).toBe(true)
  })

  it('refuses new connections while a server restarts, keeps the open ones, and accepts again on the same port', async () => {
    const { proxy } = await setup(pattern(10), {}, true)
    const kept = client(proxy.port)
    await until(() => proxy.stats.open === 1, 'connection')
    await proxy.refuse()
    const refused = await client(proxy.port).done
    expect(refused.error?.code).toBe('ECONNREFUSED')
    expect(proxy.stats.open).toBe(1)
    await proxy.accept()
    const again = client(proxy.port)
    await until(() => proxy.stats.open === 2, 'second connection')
    kept.socket.destroy()
    again.socket.destroy()
    expect(proxy.stats).toMatchObject({ connections: 2, refusals: 1 })

    await proxy.refuse(30)
    expect(await tryConnect(proxy.port)).toBe('ECONNREFUSED')
    let late = 'ECONNREFUSED'
    for (let i = 0; i < 200 && late === 'ECONNREFUSED'; i++) {
      await new Promise((r) => setTimeout(r, 5))
      late = await tryConnect(proxy.port)
    }
    expect(late).toBe('connected')
    expect(proxy.stats).toMatchObject({ refusals: 2 })
  })

  it('resets the client at once when the target is down', async () => {
    const { target, proxy } = await setup(pattern(10))
    await new Promise((r) => target.server.close(r))
    const result = await client(proxy.port).done
    expect(result.data.length).toBe(0)
    expect(proxy.stats.open).toBe(0)
  })

  it('plans each connection from a generator forked by its index: same seed, same faults', async () => {
    const seen: number[][] = [[], []]
    for (const run of [0, 1]) {
      const { target, proxy } = await setup(pattern(5000), {
        seed: 777,
        plan: ({ index, rng }) => {
          seen[run][index] = rng.int(100, 4000)
          return { cutAtByte: seen[run][index], cutMode: 'end' }
        },
      })
      const lengths = await Promise.all([0, 1, 2].map(() => client(proxy.port).done))
      expect(lengths.map((r) => r.data.length).sort()).toEqual([...seen[run]].sort())
      await proxy.close()
      await new Promise((r) => target.server.close(r))
    }
    expect(seen[0]).toEqual(seen[1])
    expect(seen[0]).toEqual([0, 1, 2].map((i) => createRng(777).fork(i).int(100, 4000)))
  })
})
