import { AgentError } from '../core/protocol/AgentError'
import type { BaseEvent, RunAgentInput } from '../core/protocol/types'
import type { Agent, Observable, Observer, RunOptions } from '../core/transport/Agent'

/** A pause in a script: wait `delayMs` milliseconds before the next step. */
export interface ScriptDelay {
  delayMs: number
}

/**
 * An event of a script, sent verbatim. Loosely typed on purpose: tests write plain literals
 * (`{ type: 'TEXT_MESSAGE_CONTENT', messageId: 'm1', delta: 'Hi' }`) and may script
 * deliberately invalid events to exercise validation.
 */
export type ScriptEvent = { type: string } & Record<string, unknown>

/** One step of a script: an event to emit, or a delay. */
export type ScriptStep = ScriptEvent | BaseEvent | ScriptDelay

/**
 * What a scripted agent plays: the same steps for every run, or a function of the run's input
 * and its zero-based index (`agent.inputs.length - 1`) to script several runs.
 */
export type Script =
  readonly ScriptStep[] | ((input: RunAgentInput, runIndex: number) => readonly ScriptStep[])

/** Options of {@link createScriptedAgent}. */
export interface ScriptedAgentOptions {
  /**
   * Cadence of the replay: the pause, in milliseconds, between two consecutive events (e.g.
   * `30` to stream a recorded reply at a real token rate in a story), on top of `{ delayMs }`
   * steps. `0` emits consecutive events synchronously in one task. Default: 0. Takes precedence
   * over {@link ScriptedAgentOptions.delayMs}.
   */
  cadenceMs?: number
  /** Same as {@link ScriptedAgentOptions.cadenceMs} (the older name). Default: 0. */
  delayMs?: number
}

/** An {@link Agent} that plays a script; see {@link createScriptedAgent}. */
export interface ScriptedAgent extends Agent {
  /** Every `RunAgentInput` received by `run`, in call order (for assertions). */
  readonly inputs: RunAgentInput[]
  /** Always `false`: the store validates scripted events, as it would a third-party agent's. */
  readonly validatesEvents: false
}

function isDelay(step: ScriptStep): step is ScriptDelay {
  return !('type' in step) && typeof (step as ScriptDelay).delayMs === 'number'
}

/**
 * Creates an {@link Agent} that emits scripted events, for tests, stories and demos
 * (`agent-wire-react/testing`). Each subscription plays the script from the start: emission
 * begins in a microtask after `subscribe`, consecutive events without a delay between them
 * are emitted synchronously in one task, `{ delayMs }` steps (and `options.cadenceMs` between
 * events) wait with `setTimeout`. After the last step the Observable completes.
 *
 * Aborting the run's `signal` stops emission and errors the Observable with
 * `AgentError('aborted')` (the {@link Agent} contract); `unsubscribe()` stops it silently.
 *
 * @example
 * const agent = createScriptedAgent([
 *   { type: 'RUN_STARTED', threadId: 't', runId: 'r' },
 *   { type: 'TEXT_MESSAGE_START', messageId: 'm', role: 'assistant' },
 *   { delayMs: 50 },
 *   { type: 'TEXT_MESSAGE_CONTENT', messageId: 'm', delta: 'Hi' },
 *   { type: 'TEXT_MESSAGE_END', messageId: 'm' },
 *   { type: 'RUN_FINISHED', threadId: 't', runId: 'r' },
 * ])
 * // or replay a recording at ~30 ms per event: createScriptedAgent(events, { cadenceMs: 30 })
 * await createAgentStore({ agent }).run({ message: 'Hello' })
 * expect(agent.inputs).toHaveLength(1)
 */
export function createScriptedAgent(
  script: Script,
  options: ScriptedAgentOptions = {},
): ScriptedAgent {
  const inputs: RunAgentInput[] = []
  const gapMs = Math.max(0, options.cadenceMs ?? options.delayMs ?? 0)

  function run(input: RunAgentInput, runOptions: RunOptions = {}): Observable<BaseEvent> {
    inputs.push(input)
    const steps = typeof script === 'function' ? script(input, inputs.length - 1) : script
    const { signal } = runOptions
    return {
      subscribe(observerOrNext) {
        const observer: Observer<BaseEvent> =
          typeof observerOrNext === 'function' ? { next: observerOrNext } : observerOrNext
        let closed = false
        let timer: ReturnType<typeof setTimeout> | undefined
        let index = 0

        const close = () => {
          closed = true
          if (timer !== undefined) clearTimeout(timer)
          signal?.removeEventListener('abort', onAbort)
        }
        function onAbort() {
          if (closed) return
          close()
          observer.error?.(new AgentError('aborted', 'The run was aborted.'))
        }
        const play = () => {
          timer = undefined
          while (!closed && index < steps.length) {
            const step = steps[index++]
            if (isDelay(step)) {
              timer = setTimeout(play, step.delayMs)
              return
            }
            observer.next?.(step as BaseEvent)
            if (gapMs > 0 && index < steps.length && !closed) {
              timer = setTimeout(play, gapMs)
              return
            }
          }
          if (closed) return
          close()
          observer.complete?.()
        }

        if (signal?.aborted) queueMicrotask(onAbort)
        else {
          signal?.addEventListener('abort', onAbort)
          queueMicrotask(() => {
            if (!closed) play()
          })
        }
        return { unsubscribe: close }
      },
    }
  }

  return { run, inputs, validatesEvents: false }
}
