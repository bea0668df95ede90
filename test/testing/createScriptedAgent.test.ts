import { afterEach, describe, expect, it, vi } from 'vitest'
import { AgentError } from '../../src/core/protocol/AgentError'
import type { BaseEvent, RunAgentInput } from '../../src/core/protocol/types'
import { createScriptedAgent, fromFixture } from '../../src/testing'
import { sleep } from './scripts'

const input = (runId = 'r1'): RunAgentInput => ({
  threadId: 't1',
  runId,
  messages: [],
  tools: [],
  context: [],
})

function collect(agent: ReturnType<typeof createScriptedAgent>, signal?: AbortSignal) {
  const events: BaseEvent[] = []
  let error: unknown
  let completed = false
  const done = new Promise<void>((resolve) => {
    agent.run(input(), { signal }).subscribe({
      next: (e) => events.push(e),
      error: (e) => {
        error = e
        resolve()
      },
      complete: () => {
        completed = true
        resolve()
      },
    })
  })
  return {
    events,
    done,
    get error() {
      return error
    },
    get completed() {
      return completed
    },
  }
}

describe('createScriptedAgent', () => {
  it('emits the script asynchronously, then completes, and records inputs', async () => {
    const agent = createScriptedAgent([{ type: 'A' }, { type: 'B' }])
    const run = collect(agent)
    expect(run.events).toEqual([]) // nothing synchronously inside subscribe
    await run.done
    expect(run.events.map((e) => e.type)).toEqual(['A', 'B'])
    expect(run.completed).toBe(true)
    expect(agent.inputs).toEqual([input()])
    expect(agent.validatesEvents).toBe(false)
  })

  it('waits on delay steps and honours options.delayMs between events', async () => {
    const agent = createScriptedAgent([{ type: 'A' }, { delayMs: 40 }, { type: 'B' }])
    const start = Date.now()
    const run = collect(agent)
    await sleep(5)
    expect(run.events.map((e) => e.type)).toEqual(['A'])
    await run.done
    expect(Date.now() - start).toBeGreaterThanOrEqual(35)

    const spaced = createScriptedAgent([{ type: 'A' }, { type: 'B' }, { type: 'C' }], {
      delayMs: 20,
    })
    const t0 = Date.now()
    await collect(spaced).done
    expect(Date.now() - t0).toBeGreaterThanOrEqual(35)
  })

  describe('cadenceMs', () => {
    afterEach(() => {
      vi.useRealTimers()
    })

    it('waits cadenceMs between consecutive events, not before the first or after the last', async () => {
      vi.useFakeTimers()
      const agent = createScriptedAgent([{ type: 'A' }, { type: 'B' }, { type: 'C' }], {
        cadenceMs: 25,
      })
      const run = collect(agent)
      await Promise.resolve() // emission starts in a microtask
      expect(run.events.map((e) => e.type)).toEqual(['A'])
      vi.advanceTimersByTime(24)
      expect(run.events.map((e) => e.type)).toEqual(['A'])
      vi.advanceTimersByTime(1)
      expect(run.events.map((e) => e.type)).toEqual(['A', 'B'])
      expect(run.completed).toBe(false)
      vi.advanceTimersByTime(25)
      expect(run.events.map((e) => e.type)).toEqual(['A', 'B', 'C'])
      expect(run.completed).toBe(true)
      expect(vi.getTimerCount()).toBe(0)
    })

    it('adds delay steps on top of the cadence and takes precedence over delayMs', async () => {
      vi.useFakeTimers()
      const agent = createScriptedAgent([{ type: 'A' }, { delayMs: 100 }, { type: 'B' }], {
        cadenceMs: 10,
        delayMs: 1000,
      })
      const run = collect(agent)
      await Promise.resolve()
      vi.advanceTimersByTime(109)
      expect(run.events.map((e) => e.type)).toEqual(['A'])
      vi.advanceTimersByTime(1)
      expect(run.events.map((e) => e.type)).toEqual(['A', 'B'])
      expect(run.completed).toBe(true)
    })

    it('emits everything in one task when cadenceMs is 0 (or negative)', async () => {
      vi.useFakeTimers()
      for (const cadenceMs of [0, -5]) {
        const run = collect(createScriptedAgent([{ type: 'A' }, { type: 'B' }], { cadenceMs }))
        await Promise.resolve()
        expect(run.events.map((e) => e.type)).toEqual(['A', 'B'])
        expect(run.completed).toBe(true)
      }
      expect(vi.getTimerCount()).toBe(0)
    })
  })

  it('errors with AgentError(aborted) when the signal aborts, and stops emitting', async () => {
    const agent = createScriptedAgent([{ type: 'A' }, { delayMs: 30 }, { type: 'B' }])
    const controller = new AbortController()
    const run = collect(agent, controller.signal)
    await sleep(5)
    controller.abort()
    await run.done
    expect(run.events.map((e) => e.type)).toEqual(['A'])
    expect(run.error).toBeInstanceOf(AgentError)
    expect((run.error as AgentError).code).toBe('aborted')
    await sleep(40)
    expect(run.events).toHaveLength(1)
  })

  it('stops silently on unsubscribe', async () => {
    const agent = createScriptedAgent([{ type: 'A' }, { delayMs: 20 }, { type: 'B' }])
    const seen: string[] = []
    let ended = false
    const sub = agent.run(input()).subscribe({
      next: (e) => seen.push(e.type),
      complete: () => (ended = true),
      error: () => (ended = true),
    })
    await sleep(5)
    sub.unsubscribe()
    await sleep(30)
    expect(seen).toEqual(['A'])
    expect(ended).toBe(false)
  })

  it('calls a script function per run with the input and run index', async () => {
    const agent = createScriptedAgent((runInput, index) => [
      { type: `RUN_${index}_${runInput.runId}` },
    ])
    const first = collect(agent)
    await first.done
    const second = collect(agent)
    await second.done
    expect(first.events[0].type).toBe('RUN_0_r1')
    expect(second.events[0].type).toBe('RUN_1_r1')
    expect(agent.inputs).toHaveLength(2)
  })

  it('fromFixture accepts an event array or a conformance case with a stream', async () => {
    const fromArray = collect(fromFixture([{ type: 'X' }]))
    const fromCase = collect(fromFixture({ stream: [{ type: 'Y' }, { type: 'Z' }] }))
    await Promise.all([fromArray.done, fromCase.done])
    expect(fromArray.events.map((e) => e.type)).toEqual(['X'])
    expect(fromCase.events.map((e) => e.type)).toEqual(['Y', 'Z'])
  })
})
