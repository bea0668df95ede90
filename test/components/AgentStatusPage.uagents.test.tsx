// @vitest-environment jsdom
import { cleanup, render, screen, waitFor, within } from '@testing-library/react'
import { StrictMode } from 'react'
import { afterEach, describe, expect, it } from 'vitest'
import { AgentStatusPage } from '../../src/components'
import { UAgentsChatAgent } from '../../src/core/adapters/uagents/UAgentsChatAgent'
import { AgentProvider } from '../../src/react'
import { startUAgentsWorld, type UAgentsWorld } from '../adapters/uagents/startUAgentsWorld'
import { axeViolations } from './chatTestUtils'

let world: UAgentsWorld | undefined
afterEach(async () => {
  cleanup()
  await world?.close()
  world = undefined
})

describe('<AgentStatusPage /> with a real adapter status source (uAgents bridge + fake uAgent)', () => {
  it("shows the agent's card, readiness and protocol manifest, then the agent going down", async () => {
    world = await startUAgentsWorld()
    const agent = new UAgentsChatAgent({ url: world.url, quietMs: 100 })
    const { container } = render(
      <StrictMode>
        <AgentProvider agent={agent} threadId="0c7e4b1a-2d3f-4a5b-9c6d-7e8f9a0b1c2d">
          <AgentStatusPage pollMs={100} />
        </AgentProvider>
      </StrictMode>,
    )
    const remote = await screen.findByRole('group', { name: 'Remote status' }, { timeout: 5000 })
    await waitFor(() => expect(remote.dataset.health).toBe('ok'), { timeout: 5000 })
    const page = screen.getByRole('region', { name: /^Agent status:/ })
    expect(page.getAttribute('aria-label')).toBe('Agent status: Table booker') // report.card
    const models = within(page).getByRole('list', { name: 'Models: AgentChatProtocol' })
    expect(
      within(models)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'ChatMessage: timestamp, msg_id, content',
      'ChatAcknowledgement: timestamp, acknowledged_msg_id, metadata',
    ])
    expect(await axeViolations(container)).toEqual([])

    await world.agentHost.close() // the uAgent goes away; the bridge still answers
    await waitFor(() => expect(remote.dataset.health).toBe('down'), { timeout: 5000 })
    expect(within(page).getByRole('group', { name: 'Protocols' })).toBeTruthy()
  })
})
