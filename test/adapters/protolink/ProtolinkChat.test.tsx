// @vitest-environment jsdom
import { cleanup, render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AgentProvider, Chat } from '../../../src'
import { startProtolink, type ProtolinkHarness } from './protolinkHarness'

let h: ProtolinkHarness
beforeEach(async () => {
  h = await startProtolink()
})
afterEach(async () => {
  cleanup()
  await h.close()
})

/** The text of every assistant message article, in order. */
const assistantTexts = () =>
  Array.from(document.querySelectorAll('article[data-awr="message"][data-role="assistant"]')).map(
    (a) => a.textContent ?? '',
  )

describe('<Chat /> + ProtolinkAgent against the Node fake (proxy + approval routes)', () => {
  it('an approval_required shows the approval card; Approve lets the same task fetch and answer', async () => {
    render(
      <AgentProvider agent={h.agent()} threadId="chat-pl">
        <Chat />
      </AgentProvider>,
    )
    const user = userEvent.setup()
    await user.type(screen.getByRole('textbox', { name: 'Message' }), 'fetch https://a.test{Enter}')
    const approve = await screen.findByRole('button', { name: 'Approve' }, { timeout: 5000 })
    expect(document.body.textContent).toContain('fetch_url')
    expect(document.body.textContent).toContain('https://a.test')
    await user.click(approve)
    await waitFor(
      () => expect(assistantTexts().join('|')).toContain('The page at https://a.test is titled'),
      {
        timeout: 5000,
      },
    )
    expect(h.fake.log).toContain('decision req-1 true')
    expect(screen.queryByRole('button', { name: 'Approve' })).toBeNull()
  }, 15_000)

  it('Deny with a reason sends approved:false and the agent answers without fetching', async () => {
    render(
      <AgentProvider agent={h.agent()} threadId="chat-pl-deny">
        <Chat />
      </AgentProvider>,
    )
    const user = userEvent.setup()
    await user.type(screen.getByRole('textbox', { name: 'Message' }), 'fetch https://b.test{Enter}')
    await user.click(await screen.findByRole('button', { name: 'Deny' }, { timeout: 5000 }))
    await user.type(screen.getByRole('textbox', { name: 'Reason' }), 'not today{Enter}')
    await waitFor(
      () => expect(assistantTexts().join('|')).toContain('Understood, I will not fetch it.'),
      {
        timeout: 5000,
      },
    )
    expect(h.fake.log).toContain('decision req-1 false')
    expect(
      document.querySelector('[data-awr="tool-approval"]')?.getAttribute('data-decision'),
    ).toBe('denied')
  }, 15_000)
})
