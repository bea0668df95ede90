/**
 * Drivers of `@ag-ui/client` 1.0 (the comparison): its apply stage (`defaultApplyEvents`, what
 * `AbstractAgent.runAgent` runs on every event) and its `HttpAgent` end to end.
 *
 * `@ag-ui/client` deep-clones and freezes the thread for subscribers when `NODE_ENV` is
 * `development`/`test` or under vitest; {@link asProduction} runs it the way it runs in a
 * production build, so the comparison is fair.
 */
import {
  AbstractAgent,
  HttpAgent as AguiHttpAgent,
  defaultApplyEvents,
  type AgentSubscriber,
} from '@ag-ui/client'
import { EMPTY, from } from 'rxjs'
import type { BaseEvent, Message, RunAgentInput } from './types'

class IdleAgent extends AbstractAgent {
  run(): never {
    return EMPTY as never
  }
}

/** Runs `work` with `NODE_ENV` and `VITEST_WORKER_ID` unset (restored after). */
export async function asProduction<T>(work: () => Promise<T>): Promise<T> {
  const saved = { NODE_ENV: process.env.NODE_ENV, VITEST_WORKER_ID: process.env.VITEST_WORKER_ID }
  delete process.env.NODE_ENV
  delete process.env.VITEST_WORKER_ID
  try {
    return await work()
  } finally {
    for (const [key, value] of Object.entries(saved))
      if (value !== undefined) process.env[key] = value
  }
}

/**
 * Applies `events` with `@ag-ui/client`'s `defaultApplyEvents` to an agent holding `messages`,
 * with `subscriber` (if any) receiving its callbacks. Resolves once every event is applied.
 */
export function aguiApply(
  messages: readonly Message[],
  input: RunAgentInput,
  events: readonly BaseEvent[],
  subscriber?: AgentSubscriber,
): Promise<void> {
  const agent = new IdleAgent({ initialMessages: messages as never })
  return new Promise((resolve, reject) => {
    defaultApplyEvents(
      input as never,
      from(events) as never,
      agent,
      subscriber ? [subscriber] : [],
    ).subscribe({ complete: resolve, error: reject })
  })
}

/** Runs `@ag-ui/client`'s `HttpAgent.runAgent()` against a `fetch` that answers `respond()`. */
export async function aguiHttpRun(respond: () => Response): Promise<readonly unknown[]> {
  const agent = new AguiHttpAgent({
    url: 'http://bench.invalid/agent',
    fetch: async () => respond(),
  })
  await agent.runAgent()
  return agent.messages
}
