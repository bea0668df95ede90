// @vitest-environment jsdom
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { cleanup, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { Chat } from '../../src/components'
import { createScriptedAgent, type ScriptStep } from '../../src/testing'
import { messageArticle, modes, renderWithAgent } from './chatTestUtils'

afterEach(cleanup)

/** Microsoft's .NET AG-UI server: `parentMessageId: ""`, and the result's `messageId` is the `toolCallId`. */
const recorded = JSON.parse(
  readFileSync(
    // jsdom's import.meta.url is not a file URL: the corpus sits beside the repo (vitest runs in it).
    resolve(
      '../shared/conformance/recorded-dotnet',
      'Step02_BackendTools--PostRun_WithBackendToolCall_InvokesToolAndStreamsResult--Turn_01.07.json',
    ),
    'utf8',
  ).replace(/^\uFEFF/, ''),
) as ScriptStep[]

describe.each(modes)('<Chat /> with a recorded .NET tool-call stream ($name)', ({ strict }) => {
  it('shows the tool card with its result although call and result share one message id', async () => {
    const result = recorded.find(
      (e) => 'type' in e && e.type === 'TOOL_CALL_RESULT',
    ) as unknown as {
      messageId: string
      toolCallId: string
      content: string
    }
    // The case this test is about: the recording really shares the id.
    expect(result.messageId).toBe(result.toolCallId)
    const agent = createScriptedAgent((input) =>
      recorded.map((step) =>
        'threadId' in step ? { ...step, threadId: input.threadId, runId: input.runId } : step,
      ),
    )
    const { container } = renderWithAgent(<Chat />, { strict, agent })
    await userEvent
      .setup()
      .type(screen.getByRole('textbox', { name: 'Message' }), 'Italian in Seattle{Enter}')

    await waitFor(() =>
      expect(
        container.querySelector('article[data-role="assistant"] [data-awr="tool-call"]'),
      ).not.toBeNull(),
    )
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Stop' })).toBeNull())
    const owner = messageArticle(container, result.toolCallId)!
    expect(owner.getAttribute('data-role')).toBe('assistant')
    const card = owner.querySelector<HTMLElement>(
      `[data-awr="tool-call"][data-tool-call-id="${result.toolCallId}"]`,
    )!
    expect(card.getAttribute('data-tool-name')).toBe('SearchRestaurants')
    expect(card.getAttribute('data-status')).toBe('resolved')
    expect(card.textContent).toContain('Seattle')
    expect(card.textContent).toContain('The Golden Fork')
    // One article per id: the result renders inside the card, not as a row of its own.
    const ids = [...container.querySelectorAll('article[data-message-id]')].map((a) =>
      a.getAttribute('data-message-id'),
    )
    expect(new Set(ids).size).toBe(ids.length)
    expect(container.querySelector('article[data-role="tool"]')).toBeNull()
    expect(messageArticle(container, 'chatcmpl-Id_2')?.textContent).toContain('The Golden Fork')
  })
})
