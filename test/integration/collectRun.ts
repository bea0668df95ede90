import type { BaseEvent, RunAgentInput } from '../../src/core/protocol/types'
import type { Agent } from '../../src/core/transport/Agent'

/** What {@link collectRun} observed: the events, and how the Observable ended. */
export interface CollectedRun {
  events: Array<Record<string, any>>
  error?: unknown
}

/** Subscribes to `agent.run(input)` and resolves when the Observable completes or errors. */
export function collectRun(
  agent: Agent,
  input: RunAgentInput,
  options: { signal?: AbortSignal; onEvent?: (event: BaseEvent, index: number) => void } = {},
): Promise<CollectedRun> {
  return new Promise((resolve) => {
    const events: Array<Record<string, any>> = []
    agent.run(input, { signal: options.signal }).subscribe({
      next: (event) => {
        events.push(event as Record<string, any>)
        options.onEvent?.(event, events.length - 1)
      },
      error: (error) => resolve({ events, error }),
      complete: () => resolve({ events }),
    })
  })
}

/** A RunAgentInput with one user message. */
export function userInput(
  text: string,
  ids = { threadId: 'thread-int', runId: 'run-int' },
): RunAgentInput {
  return {
    ...ids,
    messages: [{ id: 'user-1', role: 'user', content: text }],
    tools: [],
    context: [],
  }
}
