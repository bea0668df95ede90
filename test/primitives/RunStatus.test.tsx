// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { act, cleanup, render } from '@testing-library/react'
import { createAgentStore } from '../../src/core/store'
import { RunStatus } from '../../src/primitives'
import { createScriptedAgent } from '../../src/testing'
import { axeViolations, modes, renderWithAgent } from '../components/chatTestUtils'

afterEach(() => {
  cleanup()
  vi.useRealTimers()
})

const part = (name: string) => document.querySelector(`[data-awr="run-status-${name}"]`)

function Line() {
  return (
    <RunStatus.Root>
      <RunStatus.Spinner />
      <RunStatus.Label labels={{ running: 'Working' }} />
      <RunStatus.Elapsed />
    </RunStatus.Root>
  )
}

describe.each(modes)('RunStatus primitives ($name)', ({ strict }) => {
  it('idle: status attribute, empty label, no spinner or time', async () => {
    const store = createAgentStore({ agent: createScriptedAgent([]), threadId: 't' })
    const { container } = renderWithAgent(<Line />, { strict, store })
    expect(container.querySelector('[data-awr="run-status"]')!.getAttribute('data-status')).toBe(
      'idle',
    )
    expect(part('label')!.textContent).toBe('')
    expect(part('spinner')).toBeNull()
    expect(part('elapsed')).toBeNull()
    expect(await axeViolations(container)).toEqual([])
    store.destroy()
  })

  it('running: label, hidden spinner, elapsed time that ticks; stopped afterwards', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] })
    const agent = createScriptedAgent((input) => [
      { type: 'RUN_STARTED', threadId: input.threadId, runId: input.runId },
      { delayMs: 600_000 },
    ])
    const store = createAgentStore({ agent, threadId: 't' })
    renderWithAgent(<Line />, { strict, store })
    let done!: Promise<unknown>
    act(() => {
      done = store.run()
    })
    expect(part('label')!.textContent).toBe('Working')
    expect(part('spinner')!.getAttribute('aria-hidden')).toBe('true')
    expect(part('elapsed')!.textContent).toBe('0 s')
    act(() => vi.advanceTimersByTime(3000))
    expect(part('elapsed')!.textContent).toBe('3 s')
    expect(part('elapsed')!.getAttribute('datetime')).toBe('PT3S')
    act(() => store.stop())
    await act(async () => {
      await done
    })
    expect(part('label')!.textContent).toBe('Stopped.')
    expect(part('spinner')).toBeNull()
    expect(part('elapsed')).toBeNull()
    store.destroy()
  })
})

describe('RunStatus parts outside a Root', () => {
  it('throw an error naming the part', () => {
    expect(() => render(<RunStatus.Label />)).toThrow(
      '<RunStatus.Label> must be used inside <RunStatus.Root>.',
    )
  })
})
