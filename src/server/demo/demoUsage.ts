import type { BaseEvent, RunAgentInput, TokenUsage } from '../../core/protocol/types'

/** The model name the demo agent reports in `usage` (it is scripted: no model runs). */
export const DEMO_MODEL = 'demo-scripted-1'

/** Tokens of the (imaginary) system prompt the demo agent "sends" each run. */
const SYSTEM_PROMPT_TOKENS = 212

/** About four characters per token, as for English text with BPE tokenizers; 0 for `''`. */
export function estimateTokens(text: string): number {
  return text === '' ? 0 : Math.ceil(text.length / 4)
}

const textOf = (value: unknown): string =>
  typeof value === 'string' ? value : value === undefined ? '' : JSON.stringify(value)

/**
 * Meters one demo run like a chat model would bill it: input = system prompt + messages,
 * state and tools of `input` (everything before the last message counted as a cached prefix
 * once the thread has an assistant message); output = the streamed text, reasoning and tool
 * argument deltas (reasoning also counted apart, as `reasoningTokens`).
 * @internal
 */
export function createDemoUsageMeter(input: RunAgentInput) {
  const { messages } = input
  const tokensOf = (from: number, to: number) =>
    messages.slice(from, to).reduce((n, m) => n + 4 + estimateTokens(textOf(m.content)), 0)
  const context =
    SYSTEM_PROMPT_TOKENS + estimateTokens(textOf(input.state)) + estimateTokens(textOf(input.tools))
  const prefix = context + tokensOf(0, Math.max(0, messages.length - 1))
  const inputTokens = prefix + tokensOf(messages.length - 1, messages.length)
  const cached = messages.some((m) => m.role === 'assistant') ? prefix : 0
  let output = 0
  let reasoning = 0
  return {
    /** Counts the deltas of one streamed event. */
    count(event: BaseEvent): void {
      const e = event as unknown as { type: string; delta?: unknown }
      if (typeof e.delta !== 'string') return
      if (e.type === 'REASONING_MESSAGE_CONTENT') reasoning += estimateTokens(e.delta)
      else if (e.type === 'TEXT_MESSAGE_CONTENT' || e.type === 'TOOL_CALL_ARGS')
        output += estimateTokens(e.delta)
    },
    /** The run's `usage` (one entry), for `RUN_FINISHED` / `RUN_ERROR`. */
    usage(): TokenUsage[] {
      const outputTokens = output + reasoning
      return [
        {
          provider: 'agent-wire-react demo',
          model: DEMO_MODEL,
          inputTokens,
          outputTokens,
          totalTokens: inputTokens + outputTokens,
          reasoningTokens: reasoning,
          cachedInputTokens: cached,
        },
      ]
    },
  }
}

/**
 * Passes `events` through, counting what they stream, and sets `usage` on the terminal
 * `RUN_FINISHED` / `RUN_ERROR` (spec 1.1, `TokenUsage`).
 * @internal
 */
export async function* withDemoUsage(
  input: RunAgentInput,
  events: AsyncIterable<BaseEvent>,
): AsyncGenerator<BaseEvent> {
  const meter = createDemoUsageMeter(input)
  for await (const event of events) {
    const type = (event as unknown as { type: string }).type
    if (type === 'RUN_FINISHED' || type === 'RUN_ERROR')
      yield { ...event, usage: meter.usage() } as BaseEvent
    else {
      meter.count(event)
      yield event
    }
  }
}
