import type { BaseEvent, RunAgentInput } from '../../src/core/protocol/types'
import type { AgentHandlerFn } from '../../src/server/createAgentHandler'

/** A test agent whose tokens are released by the test, so cut points are exact, not timed. */
export interface GatedAgent {
  agent: AgentHandlerFn
  /** Lets `n` more tokens through (across runs). */
  release(n?: number): void
  /** Lets every token through from now on. */
  releaseAll(): void
  /** The `ctx.signal` of each run, by runId. */
  signals: Map<string, AbortSignal>
  /** Events produced so far, by runId. */
  produced: Map<string, number>
}

/**
 * Each run sends `RUN_STARTED`, `STEP_STARTED`, `TEXT_MESSAGE_START`, `tokens` ×
 * `TEXT_MESSAGE_CONTENT` (each waits for a permit), `TEXT_MESSAGE_END`, `STEP_FINISHED`,
 * `RUN_FINISHED`: `tokens + 6` events. Aborting the signal ends the stream at once.
 */
export function createGatedAgent(tokens: number): GatedAgent {
  let permits = 0
  let open = false
  const waiters = new Set<() => void>()
  const wakeAll = () => {
    for (const w of [...waiters]) w()
  }
  const signals = new Map<string, AbortSignal>()
  const produced = new Map<string, number>()

  async function permit(signal: AbortSignal): Promise<boolean> {
    while (!open && permits === 0 && !signal.aborted) {
      await new Promise<void>((resolve) => {
        const done = () => {
          waiters.delete(done)
          signal.removeEventListener('abort', done)
          resolve()
        }
        waiters.add(done)
        signal.addEventListener('abort', done, { once: true })
      })
    }
    if (signal.aborted) return false
    if (!open) permits--
    return true
  }

  async function* run(input: RunAgentInput, signal: AbortSignal): AsyncGenerator<BaseEvent> {
    const { threadId, runId } = input
    signals.set(runId, signal)
    const ev = (e: Record<string, unknown>) => {
      produced.set(runId, (produced.get(runId) ?? 0) + 1)
      return e as unknown as BaseEvent
    }
    const messageId = `${runId}-m`
    yield ev({ type: 'RUN_STARTED', threadId, runId })
    yield ev({ type: 'STEP_STARTED', stepName: 'answer' })
    yield ev({ type: 'TEXT_MESSAGE_START', messageId, role: 'assistant' })
    for (let i = 0; i < tokens; i++) {
      if (!(await permit(signal))) return
      yield ev({ type: 'TEXT_MESSAGE_CONTENT', messageId, delta: `t${i} ` })
    }
    yield ev({ type: 'TEXT_MESSAGE_END', messageId })
    yield ev({ type: 'STEP_FINISHED', stepName: 'answer' })
    yield ev({ type: 'RUN_FINISHED', threadId, runId, outcome: { type: 'success' } })
  }

  return {
    agent: (input, { signal }) => run(input, signal),
    release(n = 1) {
      permits += n
      wakeAll()
    },
    releaseAll() {
      open = true
      wakeAll()
    },
    signals,
    produced,
  }
}
