import { describe, expect, it } from 'vitest'
import { callsOf, demoConversation, PAGE_TOOLS, textOf } from './demoConversation'

describe('demo agent: frontend tools', () => {
  it('calls set_theme without a result and finishes with pendingToolCallIds; replies after the tool message', async () => {
    const chat = demoConversation()
    const first = await chat.run({ user: 'Switch to dark mode please', tools: PAGE_TOOLS })
    expect(callsOf(first.events)).toEqual([
      { id: 'run-1-set-theme', name: 'set_theme', args: { theme: 'dark' } },
    ])
    expect(first.events.some((e) => e.type === 'TOOL_CALL_RESULT')).toBe(false)
    expect(first.last.outcome).toEqual({ type: 'success', pendingToolCallIds: ['run-1-set-theme'] })
    expect(textOf(first.events, 'run-1-frontend-intro')).toBe(
      'I will ask your page to switch the page to dark mode.',
    )

    const second = await chat.run({
      tools: PAGE_TOOLS,
      extra: [
        {
          id: 'r1',
          role: 'tool',
          toolCallId: 'run-1-set-theme',
          content: '{"theme":"dark","ok":true}',
        },
      ],
    })
    expect(callsOf(second.events)).toEqual([])
    expect(textOf(second.events, 'run-2-follow-up')).toBe(
      [
        'Thanks: I asked your page to switch to **dark** mode. Here is what it answered:',
        '',
        '- `set_theme` with `{"theme":"dark"}` → your page answered `{"theme":"dark","ok":true}`',
      ].join('\n'),
    )
    expect(second.last.outcome).toEqual({ type: 'success' })
  })

  it('calls set_theme and show_notification in one run (two pending ids) and quotes both results', async () => {
    const chat = demoConversation()
    const first = await chat.run({
      user: 'light theme, and notify me that the build passed',
      tools: PAGE_TOOLS,
    })
    expect(callsOf(first.events)).toEqual([
      { id: 'run-1-set-theme', name: 'set_theme', args: { theme: 'light' } },
      {
        id: 'run-1-show-notification',
        name: 'show_notification',
        args: { message: 'the build passed' },
      },
    ])
    expect(first.last.outcome.pendingToolCallIds).toEqual([
      'run-1-set-theme',
      'run-1-show-notification',
    ])
    const second = await chat.run({
      extra: [
        { id: 'r1', role: 'tool', toolCallId: 'run-1-set-theme', content: '"ok"' },
        {
          id: 'r2',
          role: 'tool',
          toolCallId: 'run-1-show-notification',
          content: '{"error":"denied by the user"}',
        },
      ],
    })
    const reply = textOf(second.events, 'run-2-follow-up')
    expect(reply).toContain('`set_theme` with `{"theme":"light"}` → your page answered `"ok"`')
    expect(reply).toContain('`show_notification`')
    expect(reply).toContain('`{"error":"denied by the user"}`')
  })

  it('does not call a frontend tool the page did not offer, and says so', async () => {
    const chat = demoConversation()
    const turn = await chat.run({ user: 'dark mode', tools: [PAGE_TOOLS[1]] })
    expect(callsOf(turn.events)).toEqual([])
    expect(textOf(turn.events, 'run-1-frontend-intro')).toBe(
      'This page did not offer `set_theme` in `RunAgentInput.tools`, so I cannot do that here.',
    )
    expect(turn.last.outcome).toEqual({ type: 'success' })
  })

  it('a frontend call left without a result is not an interrupt: the next user message is answered', async () => {
    const chat = demoConversation()
    await chat.run({ user: 'dark theme', tools: PAGE_TOOLS })
    const next = await chat.run({ user: 'add walk the dog', tools: PAGE_TOOLS })
    expect(next.last.type).toBe('RUN_FINISHED')
    expect(callsOf(next.events).map((c) => c.name)).toEqual(['add_task'])
  })
})
