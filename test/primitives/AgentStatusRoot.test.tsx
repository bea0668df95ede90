// @vitest-environment jsdom
import { cleanup, render } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { AgentError } from '../../src/core/protocol/AgentError'
import { pendingAgentStatus } from '../../src/core/status/pendingAgentStatus'
import * as Status from '../../src/primitives/status'

afterEach(cleanup)

describe('Status.Root while the status is loading', () => {
  it('shows "Loading…" with aria-busy in place of its parts', () => {
    const { container } = render(
      <Status.Root status={pendingAgentStatus()}>
        <Status.Identity />
      </Status.Root>,
    )
    const root = container.querySelector('section')!
    expect(root.getAttribute('aria-busy')).toBe('true')
    expect(root.getAttribute('data-state')).toBe('loading')
    expect(root.getAttribute('aria-label')).toBe('Agent status: Loading…')
    expect(root.textContent).toBe('Loading…')
    expect(container.querySelector('[data-awr="status-identity"]')).toBeNull()
  })

  it('with asChild keeps the child as the root, the placeholder inside', () => {
    const { container } = render(
      <Status.Root status={pendingAgentStatus()} asChild>
        <article className="mine">
          <Status.Identity />
        </article>
      </Status.Root>,
    )
    const root = container.firstElementChild!
    expect(root.tagName).toBe('ARTICLE')
    expect(root.className).toBe('mine')
    expect(root.getAttribute('aria-busy')).toBe('true')
    expect(root.textContent).toBe('Loading…')
  })

  it('a status that could not be loaded is not loading: the parts show, with the error', () => {
    const error = new AgentError('load_failed', 'The agent status could not be loaded: offline')
    const status = pendingAgentStatus(error)
    expect(status.loading).toBeUndefined()
    expect(status.errors).toEqual([
      { source: 'status', code: 'load_failed', message: error.message },
    ])
    const { container } = render(
      <Status.Root status={status}>
        <Status.Errors />
      </Status.Root>,
    )
    const root = container.querySelector('section')!
    expect(root.hasAttribute('aria-busy')).toBe(false)
    expect(root.getAttribute('data-state')).toBe('idle')
    expect(root.textContent).toContain('load_failed')
  })
})
