// @vitest-environment jsdom
import { cleanup, render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AgentProvider, Chat } from '../../../src'
import { startGenAI, type GenAIHarness } from './genaiHarness'

let h: GenAIHarness
beforeEach(async () => {
  h = await startGenAI()
})
afterEach(async () => {
  cleanup()
  await h.close()
})

describe('<Chat /> + GenAIAgentOSAgent against the Node fake', () => {
  it(
    'shows the called agent as a tool call with its result and the final answer',
    { timeout: 15_000 },
    async () => {
      render(
        <AgentProvider agent={h.agent()} threadId="chat-genai">
          <Chat />
        </AgentProvider>,
      )
      await userEvent.type(screen.getByRole('textbox', { name: 'Message' }), 'Weather?{Enter}')
      await waitFor(
        () => {
          const articles = [...document.querySelectorAll('article[data-role="assistant"]')]
          expect(articles.map((a) => a.textContent).join(' | ')).toContain(
            'Sunny in Paris (you asked: Weather?)',
          )
        },
        { timeout: 5000 },
      )
      expect(document.body.textContent).toContain('get_weather')
      await waitFor(() => expect(screen.queryByRole('button', { name: 'Stop' })).toBeNull())
    },
  )

  it('a plain-text error frame shows the error banner with run_error', async () => {
    h.fake.respond = () => [{ raw: 'Router unavailable' }]
    render(
      <AgentProvider agent={h.agent()} threadId="chat-genai-2">
        <Chat />
      </AgentProvider>,
    )
    await userEvent.type(screen.getByRole('textbox', { name: 'Message' }), 'Hi{Enter}')
    const banner = await screen.findByRole('alert', {}, { timeout: 5000 })
    expect(banner.textContent).toContain('Router unavailable')
  })
})
