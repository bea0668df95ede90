// @vitest-environment jsdom
import { cleanup, render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { StrictMode } from 'react'
import { afterEach, describe, expect, it } from 'vitest'
import { Chat } from '../../../src/components'
import { UAgentsChatAgent } from '../../../src/core/adapters/uagents/UAgentsChatAgent'
import { AgentProvider } from '../../../src/react'
import { axeViolations } from '../../components/chatTestUtils'
import { startUAgentsWorld, type UAgentsWorld } from './startUAgentsWorld'

let world: UAgentsWorld | undefined
afterEach(async () => {
  cleanup()
  await world?.close()
  world = undefined
})

describe('<Chat /> with UAgentsChatAgent against the Node bridge and fake uAgent', () => {
  it('chats, shows a form card as the interrupt form, and sends the answer back as a card response', async () => {
    world = await startUAgentsWorld()
    const agent = new UAgentsChatAgent({ url: world.url, quietMs: 100 })
    const { container } = render(
      <StrictMode>
        <AgentProvider agent={agent} threadId="0c7e4b1a-2d3f-4a5b-9c6d-7e8f9a0b1c2d">
          <Chat />
        </AgentProvider>
      </StrictMode>,
    )
    const user = userEvent.setup()
    const input = screen.getByRole('textbox', { name: 'Message' })
    await user.type(input, 'hello{Enter}')
    await waitFor(() => expect(screen.getByText('You said: hello')).toBeTruthy(), { timeout: 5000 })
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Stop' })).toBeNull())

    await user.type(input, 'book{Enter}')
    const form = await waitFor(
      () => {
        const el = container.querySelector<HTMLElement>('[data-awr="interrupt"]')
        expect(el?.getAttribute('data-state')).toBe('open')
        return el!
      },
      { timeout: 5000 },
    )
    expect(within(form).getByText(/Book a table/)).toBeTruthy()
    expect(await axeViolations(container)).toEqual([])
    await user.type(within(form).getByRole('textbox', { name: 'Guests' }), '2')
    await user.selectOptions(within(form).getByRole('combobox', { name: 'Time' }), '19:00')
    await user.click(within(form).getByRole('button', { name: 'Submit' }))
    const booked = 'Booked: {"intent":"book","guests":2,"time":"19:00"}'
    await waitFor(
      () => {
        const replies = [...container.querySelectorAll('article[data-role="assistant"]')]
        expect(replies.map((a) => a.textContent)).toEqual([
          'You said: hello',
          'Please fill in the booking form.',
          booked,
        ])
      },
      { timeout: 5000 },
    )
    expect(world.agent.received.at(-1)!.content[0]).toMatchObject({
      type: 'metadata',
      metadata: { card_protocol_version: '1' },
    })
  }, 20_000)
})
