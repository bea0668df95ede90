import { StrictMode, type ReactNode } from 'react'
import { render, type RenderResult } from '@testing-library/react'
import axe from 'axe-core'
import type { Message, RunAgentInput } from '../../src/core/protocol/types'
import type { AgentStore } from '../../src/core/store/AgentStore'
import { AgentProvider } from '../../src/react'
import { createScriptedAgent, type ScriptStep, type ScriptedAgent } from '../../src/testing'

/** Both render modes; every suite runs in each. */
export const modes = [
  { name: 'normal', strict: false },
  { name: 'StrictMode', strict: true },
] as const

/** Events of one run that streams `deltas` into assistant message `messageId`. */
export function textRun(
  input: RunAgentInput,
  messageId: string,
  deltas: readonly string[],
  gapMs = 0,
): ScriptStep[] {
  const steps: ScriptStep[] = [
    { type: 'RUN_STARTED', threadId: input.threadId, runId: input.runId },
    { type: 'TEXT_MESSAGE_START', messageId, role: 'assistant' },
  ]
  for (const delta of deltas) {
    if (gapMs > 0) steps.push({ delayMs: gapMs })
    steps.push({ type: 'TEXT_MESSAGE_CONTENT', messageId, delta })
  }
  steps.push({ type: 'TEXT_MESSAGE_END', messageId })
  steps.push({ type: 'RUN_FINISHED', threadId: input.threadId, runId: input.runId })
  return steps
}

/** A scripted agent whose every run replies with `text` (as one delta per word). */
export function replyAgent(text: string, gapMs = 0): ScriptedAgent {
  return createScriptedAgent((input, index) =>
    textRun(input, `reply-${index}`, text.split(/(?<= )/), gapMs),
  )
}

interface RenderOptions {
  strict: boolean
  agent?: ScriptedAgent
  store?: AgentStore
  initialMessages?: Message[]
}

/** Renders `ui` inside `AgentProvider` (and `StrictMode` when asked). */
export function renderWithAgent(ui: ReactNode, options: RenderOptions): RenderResult {
  const tree = (
    <AgentProvider
      {...(options.store ? { store: options.store } : { agent: options.agent })}
      threadId="thread-1"
      {...(options.initialMessages && { initialMessages: options.initialMessages })}
    >
      {ui}
    </AgentProvider>
  )
  return render(options.strict ? <StrictMode>{tree}</StrictMode> : tree)
}

/** Runs axe on `container` (color contrast off: jsdom does no layout) and returns violations. */
export async function axeViolations(container: Element): Promise<axe.Result[]> {
  const results = await axe.run(container, {
    rules: { 'color-contrast': { enabled: false }, region: { enabled: false } },
  })
  return results.violations
}

/** `article` of a message by id. */
export function messageArticle(container: Element, id: string): HTMLElement | null {
  return container.querySelector<HTMLElement>(`article[data-message-id="${id}"]`)
}

/** Gives `el` a fake layout (jsdom has none): a scroll height that follows its text length, a 100 px viewport. */
export function fakeLayout(el: HTMLElement) {
  let scrollTop = 0
  Object.defineProperties(el, {
    clientHeight: { configurable: true, get: () => 100 },
    scrollHeight: { configurable: true, get: () => 100 + (el.textContent?.length ?? 0) * 10 },
    scrollTop: {
      configurable: true,
      get: () => scrollTop,
      set: (value: number) => {
        scrollTop = Math.max(0, Math.min(value, el.scrollHeight - el.clientHeight))
      },
    },
  })
  return { bottom: () => el.scrollHeight - el.clientHeight }
}
