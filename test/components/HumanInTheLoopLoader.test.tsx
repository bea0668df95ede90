// @vitest-environment jsdom
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { resolve } from 'node:path'
import { StrictMode } from 'react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Interrupt, RunAgentInput } from '../../src/core/protocol/types'
import type { ScriptStep } from '../../src/testing'
import { gateChunk } from '../setup/gateChunk'
import { axeViolations, modes } from './chatTestUtils'

const CHUNK = resolve('src/components/humanInTheLoopCards')

afterEach(() => {
  cleanup()
  vi.doUnmock(CHUNK)
})

/**
 * The kit from fresh modules (the setup preloads the cards' chunk; these tests need it not
 * loaded), its chunk behind `gate`: the import waits for `release()`, and fails while `fail` is set.
 */
async function freshKit() {
  const { chunk, release } = gateChunk(CHUNK)
  const components = await import('../../src/components')
  const react = await import('../../src/react')
  const testing = await import('../../src/testing')
  const loader = await import('../../src/components/preloadHumanInTheLoop')
  return { ...components, ...react, ...testing, ...loader, release, chunk }
}

type Kit = Awaited<ReturnType<typeof freshKit>>

function callRun(input: RunAgentInput, name: string, withTools = false): ScriptStep[] {
  const { threadId, runId } = input
  return [
    {
      type: 'RUN_STARTED',
      threadId,
      runId,
      ...(withTools && { input: { ...input, tools: [{ name, description: '', parameters: {} }] } }),
    },
    { type: 'TOOL_CALL_START', toolCallId: 'c1', toolCallName: name, parentMessageId: 'a1' },
    { type: 'TOOL_CALL_ARGS', toolCallId: 'c1', delta: '{"path":"/tmp/a"}' },
    { type: 'TOOL_CALL_END', toolCallId: 'c1' },
    { type: 'RUN_FINISHED', threadId, runId },
  ]
}

function textRun(input: RunAgentInput, withTools = false): ScriptStep[] {
  const { threadId, runId } = input
  return [
    {
      type: 'RUN_STARTED',
      threadId,
      runId,
      ...(withTools && {
        input: { ...input, tools: [{ name: 'search', description: '', parameters: {} }] },
      }),
    },
    { type: 'TEXT_MESSAGE_START', messageId: `r-${runId}`, role: 'assistant' },
    { type: 'TEXT_MESSAGE_CONTENT', messageId: `r-${runId}`, delta: 'Hello.' },
    { type: 'TEXT_MESSAGE_END', messageId: `r-${runId}` },
    { type: 'RUN_FINISHED', threadId, runId },
  ]
}

const question: Interrupt = {
  id: 'int-1',
  reason: 'input_required',
  message: 'What name should I use?',
  responseSchema: {
    type: 'object',
    properties: { response: { type: 'string', title: 'Name' } },
    required: ['response'],
  },
}

function renderChat(kit: Kit, agent: ReturnType<Kit['createScriptedAgent']>, strict: boolean) {
  const { AgentProvider, Chat, useBackendTool } = kit
  function DeleteTool() {
    useBackendTool({ name: 'delete_file', requiresApproval: true })
    return null
  }
  const tree = (
    <AgentProvider agent={agent} threadId="thread-1">
      <DeleteTool />
      <Chat />
    </AgentProvider>
  )
  return render(strict ? <StrictMode>{tree}</StrictMode> : tree)
}

async function send(text: string) {
  const user = userEvent.setup()
  await user.type(screen.getByRole('textbox', { name: 'Message' }), `${text}{Enter}`)
  return user
}

const placeholder = (container: Element) =>
  container.querySelector<HTMLElement>('[data-awr="hitl-placeholder"]')
const approvalCard = (container: Element) =>
  container.querySelector<HTMLElement>('[data-awr="tool-approval"][data-tool-name="delete_file"]')

describe.each(modes)(
  '<Chat /> loads the human-in-the-loop cards on first use ($name)',
  ({ strict }) => {
    it('an approval shows an accessible placeholder until the chunk is in, then the card; nothing lost', async () => {
      const kit = await freshKit()
      const agent = kit.createScriptedAgent((input, index) =>
        index === 0 ? callRun(input, 'delete_file') : textRun(input),
      )
      const { container } = renderChat(kit, agent, strict)
      expect(kit.loadedHumanInTheLoop()).toBeUndefined()
      const user = await send('Clean up')
      await waitFor(() => expect(placeholder(container)).not.toBeNull())
      const held = placeholder(container)!
      expect(held.getAttribute('aria-busy')).toBe('true')
      expect(held.textContent).toContain('Approval needed: delete_file')
      expect(within(held).getByRole('status').textContent).toBe('Loading…')
      expect(approvalCard(container)).toBeNull()
      expect(container.querySelector('[data-awr="hitl-announcer"]')!.textContent).toContain(
        'Approval needed: delete_file',
      )
      expect(await axeViolations(container)).toEqual([])
      // The load started before any card asked for it (TOOL_CALL_START), once.
      expect(kit.chunk.imports).toBe(1)

      await act(async () => kit.release())
      await waitFor(() =>
        expect(approvalCard(container)?.getAttribute('data-state')).toBe('pending'),
      )
      expect(placeholder(container)).toBeNull()
      await user.click(within(approvalCard(container)!).getByRole('button', { name: 'Approve' }))
      await waitFor(() => expect(agent.inputs).toHaveLength(2))
      await waitFor(() => expect(screen.getByText('Hello.')).toBeTruthy())
    })

    it('an interrupt prompt waits for the chunk the same way, its interrupt still open', async () => {
      const kit = await freshKit()
      const agent = kit.createScriptedAgent((input, index) =>
        index === 0
          ? [
              { type: 'RUN_STARTED', threadId: input.threadId, runId: input.runId },
              {
                type: 'RUN_FINISHED',
                threadId: input.threadId,
                runId: input.runId,
                outcome: { type: 'interrupt', interrupts: [question] },
              },
            ]
          : textRun(input),
      )
      const { container } = renderChat(kit, agent, strict)
      const user = await send('Hi')
      await waitFor(() => expect(placeholder(container)).not.toBeNull())
      expect(placeholder(container)!.closest('[data-awr="interrupt-list"]')).not.toBeNull()
      expect(placeholder(container)!.textContent).toContain('Input needed')
      expect(await axeViolations(container)).toEqual([])
      await act(async () => kit.release())
      const name = await screen.findByRole('textbox', { name: /Name/ })
      await user.type(name, 'Ann')
      await user.click(screen.getByRole('button', { name: 'Submit' }))
      await waitFor(() => expect(agent.inputs).toHaveLength(2))
      expect(agent.inputs[1].resume).toEqual([
        { interruptId: 'int-1', status: 'resolved', payload: { response: 'Ann' } },
      ])
    })

    it('a failed load shows an alert with Retry; the approval stays pending; Retry loads the card', async () => {
      const kit = await freshKit()
      const errors = vi.spyOn(console, 'error').mockImplementation(() => {})
      kit.chunk.fail = true
      const agent = kit.createScriptedAgent((input, index) =>
        index === 0 ? callRun(input, 'delete_file') : textRun(input),
      )
      const { container } = renderChat(kit, agent, strict)
      const user = await send('Clean up')
      await act(async () => kit.release())
      const alert = await screen.findByRole('alert')
      expect(alert.textContent).toBe('This part of the chat could not be loaded.')
      expect(placeholder(container)!.getAttribute('data-state')).toBe('failed')
      expect(await axeViolations(container)).toEqual([])
      const error = await kit.loadHumanInTheLoop().catch((e: unknown) => e)
      expect(error).toMatchObject({ code: 'load_failed', retryable: true })
      expect(errors).toHaveBeenCalled()
      errors.mockRestore()

      kit.chunk.fail = false
      await user.click(screen.getByRole('button', { name: 'Retry' }))
      await waitFor(() =>
        expect(approvalCard(container)?.getAttribute('data-state')).toBe('pending'),
      )
      expect(screen.queryByRole('alert')).toBeNull()
      await user.click(within(approvalCard(container)!).getByRole('button', { name: 'Approve' }))
      await waitFor(() => expect(agent.inputs).toHaveLength(2))
    })
  },
)

describe('usePreloadHumanInTheLoop: when <Chat /> starts the load', () => {
  it('a reply with no tools never loads the chunk', async () => {
    const kit = await freshKit()
    const agent = kit.createScriptedAgent((input) => textRun(input))
    renderChat(kit, agent, false)
    await send('Hi')
    await waitFor(() => expect(screen.getByText('Hello.')).toBeTruthy())
    expect(kit.chunk.imports).toBe(0)
  })

  it('a RUN_STARTED with input.tools starts it before any tool call', async () => {
    const kit = await freshKit()
    const agent = kit.createScriptedAgent((input) => textRun(input, true))
    renderChat(kit, agent, false)
    await send('Hi')
    await waitFor(() => expect(screen.getByText('Hello.')).toBeTruthy())
    expect(kit.chunk.imports).toBe(1)
    kit.release()
    await waitFor(() => expect(kit.loadedHumanInTheLoop()).toBeDefined())
  })

  it('a tool call that needs no approval starts it (it may be gated later)', async () => {
    const kit = await freshKit()
    const agent = kit.createScriptedAgent((input) => callRun(input, 'search'))
    const { container } = renderChat(kit, agent, false)
    await send('Find')
    await waitFor(() =>
      expect(
        container.querySelector('[data-awr="tool-call"][data-status="complete"]'),
      ).not.toBeNull(),
    )
    expect(placeholder(container)).toBeNull()
    expect(kit.chunk.imports).toBe(1)
  })

  it('after preloadHumanInTheLoop() the card renders in the first pass: no placeholder at all', async () => {
    const kit = await freshKit()
    kit.release()
    await kit.preloadHumanInTheLoop()
    expect(kit.loadedHumanInTheLoop()).toBeDefined()
    const agent = kit.createScriptedAgent((input) => callRun(input, 'delete_file'))
    const { container } = renderChat(kit, agent, false)
    let placeholders = 0
    const observer = new MutationObserver(() => {
      if (placeholder(container)) placeholders++
    })
    observer.observe(container, { childList: true, subtree: true })
    await send('Clean up')
    await waitFor(() => expect(approvalCard(container)?.getAttribute('data-state')).toBe('pending'))
    observer.disconnect()
    expect(placeholders).toBe(0)
    expect(kit.chunk.imports).toBe(1)
  })
})
