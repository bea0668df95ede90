import { createObservable } from '../../src/core/transport/createObservable'
import type { Agent } from '../../src/core/transport/Agent'
import type { BaseEvent, RunAgentInput } from '../../src/core/protocol/types'

/** What {@link phasedAgent} returns. */
export interface PhasedAgent {
  agent: Agent & { inputs: RunAgentInput[] }
  /** Plays the next phase of the current run (in a microtask). */
  next: () => void
}

/**
 * An agent whose every run plays `phases(input, runIndex)` one phase at a time: the first at
 * once, each next one when the test calls `next()`, completing after the last. So a test sees an
 * in-between state (args still streaming, awaiting_args) for as long as it needs, whatever the
 * machine's load, instead of racing a timer.
 */
export function phasedAgent(
  phases: (input: RunAgentInput, runIndex: number) => BaseEvent[][],
): PhasedAgent {
  const inputs: RunAgentInput[] = []
  let advance = () => {}
  const agent = {
    inputs,
    run(input: RunAgentInput) {
      inputs.push(input)
      const all = phases(input, inputs.length - 1)
      return createObservable<BaseEvent>((sink) => {
        let at = 0
        let stopped = false
        const play = () => {
          if (stopped || at >= all.length) return
          for (const event of all[at++]) sink.next(event)
          if (at >= all.length) sink.complete()
        }
        advance = () => queueMicrotask(play)
        queueMicrotask(play)
        return () => {
          stopped = true
        }
      })
    },
  }
  return { agent, next: () => advance() }
}
