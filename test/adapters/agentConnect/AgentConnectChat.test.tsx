// @vitest-environment jsdom
import { cleanup, render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AgentProvider, Chat } from '../../../src'
import { startAgentConnect, type AgentConnectHarness } from './agentConnectHarness'

let h: AgentConnectHarness
beforeEach(async () => {
  h = await startAgentConnect()
})
afterEach(async () => {
  cleanup()
  await h.close()
})

describe('<Chat /> + AgentConnectAgent against the Node fake', () => {
  it('shows the reply, then the cooldown as a rate_limited banner on the next message', async () => {
    let n = 0
    h.fake.respond = (text) =>
      n++ === 0
        ? [{ frame: { type: 'text', content: `Hello! You said **${text}**` } }]
        : [
            {
              frame: {
                type: 'cooldown',
                content: 'Cooling down',
                metadata: { cooldown_remaining: 30 },
              },
            },
          ]
    render(
      <AgentProvider agent={h.agent()} threadId="chat-ac">
        <Chat />
      </AgentProvider>,
    )
    const user = userEvent.setup()
    const input = screen.getByRole('textbox', { name: 'Message' })
    await user.type(input, 'Hi there{Enter}')
    await waitFor(
      () =>
        expect(document.querySelector('article[data-role="assistant"]')?.textContent).toBe(
          'Hello! You said Hi there',
        ),
      { timeout: 5000 },
    )
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Stop' })).toBeNull())
    await user.type(input, 'Second{Enter}')
    await waitFor(() => expect(h.fake.received).toHaveLength(2))
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Stop' })).toBeNull())
    await user.type(input, 'Third{Enter}')
    const banner = await screen.findByRole('alert', {}, { timeout: 5000 })
    expect(banner.textContent).toContain('rate_limited')
    expect(h.fake.received).toHaveLength(2) // nothing sent while cooling down
    expect(document.querySelectorAll('article[data-role="assistant"]')).toHaveLength(1)
  })
})
