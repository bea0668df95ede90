import { afterEach, describe, expect, it } from 'vitest'
import { createFaultProxy, type FaultProxy } from './createFaultProxy'
import { client, pattern, startTarget, until, type Target } from './tcpFixtures'

let target: Target | undefined
let proxy: FaultProxy | undefined
afterEach(async () => {
  await proxy?.close()
  target?.sockets.forEach((s) => s.destroy())
  await new Promise((r) => (target ? target.server.close(r) : r(undefined)))
  proxy = target = undefined
})

describe('createFaultProxy on keep-alive connections (perRequest)', () => {
  it('plans faults per request on a keep-alive connection, relative to each response', async () => {
    target = await startTarget(Buffer.alloc(0), true, (d) => pattern(d[0] * 1000))
    const heads: string[] = []
    proxy = await createFaultProxy({
      target: target.port,
      seed: 1,
      plan: () => ({
        cutMode: 'end',
        perRequest: (head, i) => {
          heads.push(head)
          return i === 1 ? { cutAtByte: 1500 } : undefined
        },
      }),
    })
    let got = 0
    const c = client(proxy.port, Buffer.from([3]), (n, socket) => {
      got = n
      if (n === 3000) socket.write(Buffer.from([5]))
    })
    const result = await c.done
    expect(got).toBe(4500)
    expect(result.data.subarray(3000).equals(pattern(1500))).toBe(true)
    expect(heads).toEqual(['\u0003', '\u0005'])
    expect(proxy.stats.cutsByReason.byte).toBe(1)
  })

  it("drops a request's faults once its response ended (no cut of an idle keep-alive connection)", async () => {
    target = await startTarget(Buffer.alloc(0), true, () => 'answer;END')
    proxy = await createFaultProxy({
      target: target.port,
      seed: 1,
      plan: () => ({
        perRequest: () => ({ cutAfterMs: 20 }),
        isResponseEnd: (tail) => tail.toString().endsWith('END'),
      }),
    })
    let answered = false
    const c = client(proxy.port, Buffer.from('q'), () => (answered = true))
    await until(() => answered, 'the answer')
    await new Promise((r) => setTimeout(r, 60))
    expect(proxy.stats.cuts).toBe(0)
    c.socket.write('q2')
    await new Promise((r) => setTimeout(r, 5))
    c.socket.destroy()
    await c.done
  })
})
