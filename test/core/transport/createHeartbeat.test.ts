import { describe, expect, it } from 'vitest'
import { createHeartbeat } from '../../../src/core/transport/createHeartbeat'
import { createManualClock } from './manualClock'

function setup(intervalMs = 1000, timeoutMs = 300) {
  const clock = createManualClock()
  const log: string[] = []
  let paused = false
  let canSend = true
  const heartbeat = createHeartbeat({
    intervalMs,
    timeoutMs,
    clock,
    ping: () => (log.push(`ping@${clock.now() - 1_000_000}`), canSend),
    isPaused: () => paused,
    onTimeout: () => log.push(`timeout@${clock.now() - 1_000_000}`),
  })
  return {
    clock,
    log,
    heartbeat,
    pause: (p: boolean) => (paused = p),
    offline: () => (canSend = false),
  }
}

describe('createHeartbeat', () => {
  it('pings at start and every intervalMs; a silent peer times out timeoutMs after a ping', () => {
    const { clock, log, heartbeat } = setup()
    heartbeat.start()
    clock.advance(299)
    expect(log).toEqual(['ping@0'])
    clock.advance(1)
    expect(log).toEqual(['ping@0', 'timeout@300'])
    heartbeat.stop()
  })

  it('any frame (alive) cancels the pending timeout; pings go on', () => {
    const { clock, log, heartbeat } = setup()
    heartbeat.start()
    clock.advance(100)
    heartbeat.alive()
    clock.advance(1100)
    heartbeat.alive()
    clock.advance(1000)
    heartbeat.alive()
    expect(log).toEqual(['ping@0', 'ping@1000', 'ping@2000'])
    heartbeat.stop()
    clock.advance(10_000)
    expect(log).toHaveLength(3)
    expect(clock.pending()).toBe(0)
  })

  it('while paused (hidden page) no timeout is armed; start() re-arms', () => {
    const { clock, log, heartbeat, pause } = setup()
    pause(true)
    heartbeat.start()
    clock.advance(5000)
    expect(log.filter((l) => l.startsWith('timeout'))).toEqual([])
    pause(false)
    heartbeat.start()
    clock.advance(300)
    expect(log.at(-1)).toBe('timeout@5300')
  })

  it('pause() cancels a pending timeout; intervalMs 0 disables; a ping that cannot be sent stops', () => {
    const a = setup()
    a.heartbeat.start()
    a.heartbeat.pause()
    a.clock.advance(999)
    expect(a.log).toEqual(['ping@0'])
    a.heartbeat.stop()

    const b = setup(0)
    b.heartbeat.start()
    b.clock.advance(10_000)
    expect(b.log).toEqual([])

    const c = setup()
    c.offline()
    c.heartbeat.start()
    c.clock.advance(10_000)
    expect(c.log).toEqual(['ping@0'])
  })

  it('an interval shorter than the timeout still times out a silent peer (pings do not re-arm it)', () => {
    const { clock, log, heartbeat } = setup(100, 300)
    heartbeat.start()
    clock.advance(299)
    expect(log).toEqual(['ping@0', 'ping@100', 'ping@200'])
    clock.advance(1)
    expect(log).toContain('timeout@300')
    heartbeat.stop()
  })

  it('with a short interval, a frame before the timeout keeps the connection alive', () => {
    const { clock, log, heartbeat } = setup(100, 300)
    heartbeat.start()
    clock.advance(250)
    heartbeat.alive()
    clock.advance(250)
    expect(log.filter((e) => e.startsWith('timeout'))).toEqual([])
    clock.advance(100)
    expect(log).toContain('timeout@600')
    heartbeat.stop()
  })
})
