// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest'
import { cleanup, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { Chat, ToolCallCard } from '../../src/components'
import type { BaseEvent, RunAgentInput } from '../../src/core/protocol/types'
import { createAgentStore } from '../../src/core/store'
import type { ToolCallState } from '../../src/react'
import { createScriptedAgent, type ScriptStep } from '../../src/testing'
import { axeViolations, messageArticle, modes, renderWithAgent } from './chatTestUtils'
import { phasedAgent } from './phasedAgent'

afterEach(cleanup)

function toolRun(input: RunAgentInput): ScriptStep[] {
  const { threadId, runId } = input
  return [
    { type: 'RUN_STARTED', threadId, runId },
    { type: 'TEXT_MESSAGE_START', messageId: 'a1', role: 'assistant' },
    { type: 'TEXT_MESSAGE_CONTENT', messageId: 'a1', delta: 'Let me check.' },
    { type: 'TEXT_MESSAGE_END', messageId: 'a1' },
    {
      type: 'TOOL_CALL_START',
      toolCallId: 'call-1',
      toolCallName: 'get_weather',
      parentMessageId: 'a1',
    },
    { type: 'TOOL_CALL_ARGS', toolCallId: 'call-1', delta: '{"city":"Par' },
    { delayMs: 150 },
    { type: 'TOOL_CALL_ARGS', toolCallId: 'call-1', delta: 'is","days":2}' },
    { type: 'TOOL_CALL_END', toolCallId: 'call-1' },
    { delayMs: 150 },
    {
      type: 'TOOL_CALL_RESULT',
      messageId: 'tool-1',
      toolCallId: 'call-1',
      content: '{"temp":21,"sky":"clear"}',
    },
    { type: 'RUN_FINISHED', threadId, runId },
  ]
}

const card = (container: Element) =>
  container.querySelector<HTMLElement>('[data-awr="tool-call"][data-tool-name="get_weather"]')

describe.each(modes)('tool calls in <Chat /> ($name)', ({ strict }) => {
  it('shows name, streaming args, then complete args and the result in one card', async () => {
    // The run pauses after each phase until next(): each state is seen whatever the machine's load.
    const { agent, next } = phasedAgent((input) => {
      const steps = toolRun(input).filter((s): s is BaseEvent => 'type' in s)
      const at = (type: string, from = 0) => steps.findIndex((s, i) => i >= from && s.type === type)
      const secondArgs = at('TOOL_CALL_ARGS', at('TOOL_CALL_ARGS') + 1)
      const result = at('TOOL_CALL_RESULT')
      return [steps.slice(0, secondArgs), steps.slice(secondArgs, result), steps.slice(result)]
    })
    const store = createAgentStore({ agent, threadId: 'thread-1' })
    const { container } = renderWithAgent(<Chat />, { strict, store })
    await userEvent
      .setup()
      .type(screen.getByRole('textbox', { name: 'Message' }), 'Weather?{Enter}')

    await waitFor(() => expect(card(container)?.getAttribute('data-status')).toBe('streaming'))
    const streaming = card(container)!
    expect(streaming.textContent).toContain('get_weather')
    expect(streaming.querySelector('[data-awr="tool-call-args"] code')?.textContent).toBe(
      JSON.stringify({ city: 'Par' }, null, 2),
    )

    next()
    await waitFor(() => expect(card(container)?.getAttribute('data-status')).toBe('complete'))
    expect(card(container)!.querySelector('[data-awr="tool-call-args"] code')?.textContent).toBe(
      JSON.stringify({ city: 'Paris', days: 2 }, null, 2),
    )
    expect(card(container)!.querySelector('[data-awr="tool-call-result"]')).toBeNull()

    next()
    await waitFor(() => expect(card(container)?.getAttribute('data-status')).toBe('resolved'))
    const resolved = card(container)!
    expect(resolved.querySelector('[data-awr="tool-call-result"] code')?.textContent).toBe(
      JSON.stringify({ temp: 21, sky: 'clear' }, null, 2),
    )
    expect(resolved.querySelector('.awr-status-pill')?.textContent).toBe('Done')
    // The card lives inside its assistant message; the tool message is not a separate bubble.
    expect(messageArticle(container, 'a1')!.contains(resolved)).toBe(true)
    expect(container.querySelector('article[data-role="tool"]')).toBeNull()
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Stop' })).toBeNull())
    expect(await axeViolations(container)).toEqual([])
  })

  it('renderToolCall replaces the card, undefined falls back to it', async () => {
    const agent = createScriptedAgent(toolRun)
    const seen: string[] = []
    const renderToolCall = (call: ToolCallState) => {
      seen.push(call.status)
      if (call.status !== 'resolved') return undefined
      const args = call.parsedArgs as { city: string }
      return <div data-testid="weather">Sunny in {args.city}</div>
    }
    const { container } = renderWithAgent(<Chat renderToolCall={renderToolCall} />, {
      strict,
      agent,
    })
    await userEvent
      .setup()
      .type(screen.getByRole('textbox', { name: 'Message' }), 'Weather?{Enter}')
    await waitFor(() => expect(card(container)).not.toBeNull())
    expect((await screen.findByTestId('weather')).textContent).toBe('Sunny in Paris')
    expect(card(container)).toBeNull()
    expect(seen).toContain('streaming')
  })

  it('shows a tool message without a matching call as a small bubble', () => {
    const { container } = renderWithAgent(<Chat />, {
      strict,
      agent: createScriptedAgent([]),
      initialMessages: [
        {
          id: 'orphan',
          role: 'tool',
          toolCallId: 'missing',
          content: 'plain result',
          error: 'failed',
        },
      ],
    })
    const article = messageArticle(container, 'orphan')!
    expect(article.getAttribute('data-role')).toBe('tool')
    expect(article.textContent).toContain('Tool result')
    expect(article.textContent).toContain('plain result')
    expect(article.textContent).toContain('failed')
  })
})

describe('<ToolCallCard />', () => {
  it('renders raw args when they are not JSON, and the result error', () => {
    const call: ToolCallState = {
      id: 'c',
      name: 'search',
      messageId: 'm',
      status: 'resolved',
      args: 'not json',
      parsedArgs: undefined,
      result: { id: 't', role: 'tool', toolCallId: 'c', content: 'partial', error: 'timeout' },
    }
    const { container } = renderWithAgent(<ToolCallCard call={call} />, {
      strict: false,
      agent: createScriptedAgent([]),
    })
    const el = container.querySelector('[data-awr="tool-call"]')!
    expect(el.getAttribute('data-status')).toBe('resolved')
    expect(el.querySelector('[data-awr="tool-call-args"]')?.textContent).toContain('not json')
    expect(el.querySelector('[data-awr="tool-call-error"]')?.textContent).toContain('timeout')
  })
})
