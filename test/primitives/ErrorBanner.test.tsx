// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { act, cleanup, render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { createAgentStore } from '../../src/core/store'
import { ErrorBannerPrimitive as ErrorBanner } from '../../src/primitives'
import { createScriptedAgent } from '../../src/testing'
import { axeViolations, modes, renderWithAgent } from '../components/chatTestUtils'

afterEach(cleanup)

/** Every run fails with RUN_ERROR `code` until `ok` is set. */
function failingAgent(state: { ok: boolean }) {
  return createScriptedAgent((input) => [
    { type: 'RUN_STARTED', threadId: input.threadId, runId: input.runId },
    state.ok
      ? { type: 'RUN_FINISHED', threadId: input.threadId, runId: input.runId }
      : { type: 'RUN_ERROR', message: 'Model overloaded', code: 'OVERLOADED' },
  ])
}

function Banner({ onDismiss }: { onDismiss?: () => void }) {
  return (
    <ErrorBanner.Root onDismiss={onDismiss}>
      <ErrorBanner.Message />
      <ErrorBanner.Code />
      <ErrorBanner.Retry>Retry</ErrorBanner.Retry>
      <ErrorBanner.Dismiss>Dismiss</ErrorBanner.Dismiss>
    </ErrorBanner.Root>
  )
}

describe.each(modes)('ErrorBanner primitives ($name)', ({ strict }) => {
  it('shows the run error with its code; Retry runs again and the banner goes', async () => {
    const state = { ok: false }
    const agent = failingAgent(state)
    const store = createAgentStore({ agent, threadId: 't' })
    const { container } = renderWithAgent(<Banner />, { strict, store })
    expect(screen.queryByRole('alert')).toBeNull()
    await act(async () => {
      await store.run()
    })
    const alert = screen.getByRole('alert')
    expect(alert.getAttribute('data-code')).toBe('run_error')
    expect(alert.querySelector('[data-awr="error-banner-message"]')!.textContent).toBe(
      'Model overloaded',
    )
    expect(alert.querySelector('code')!.textContent).toBe('run_error (OVERLOADED)')
    expect(await axeViolations(container)).toEqual([])

    state.ok = true
    await userEvent.setup().click(screen.getByRole('button', { name: 'Retry' }))
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull())
    expect(agent.inputs).toHaveLength(2)
    store.destroy()
  })

  it('Dismiss hides it until the next error', async () => {
    const onDismiss = vi.fn()
    const store = createAgentStore({ agent: failingAgent({ ok: false }), threadId: 't' })
    renderWithAgent(<Banner onDismiss={onDismiss} />, { strict, store })
    await act(async () => {
      await store.run()
    })
    await userEvent.setup().click(screen.getByRole('button', { name: 'Dismiss' }))
    expect(screen.queryByRole('alert')).toBeNull()
    expect(onDismiss).toHaveBeenCalledTimes(1)
    await act(async () => {
      await store.run()
    })
    expect(screen.getByRole('alert')).toBeTruthy()
    store.destroy()
  })

  it('a stopped run is not an error', async () => {
    const agent = createScriptedAgent((input) => [
      { type: 'RUN_STARTED', threadId: input.threadId, runId: input.runId },
      { delayMs: 60_000 },
    ])
    const store = createAgentStore({ agent, threadId: 't' })
    renderWithAgent(<Banner />, { strict, store })
    let done!: Promise<unknown>
    act(() => {
      done = store.run()
    })
    act(() => store.stop())
    await act(async () => {
      await done
    })
    expect(store.getSnapshot().run.status).toBe('cancelled')
    expect(screen.queryByRole('alert')).toBeNull()
    store.destroy()
  })
})

describe('ErrorBanner parts outside a Root', () => {
  it('throw an error naming the part', () => {
    expect(() => render(<ErrorBanner.Retry />)).toThrow(
      '<ErrorBannerPrimitive.Retry> must be used inside <ErrorBannerPrimitive.Root>.',
    )
  })
})
