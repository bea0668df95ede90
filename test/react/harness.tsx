import { render, type RenderResult } from '@testing-library/react'
import { expect } from 'vitest'
import { Fragment, StrictMode, type ReactElement } from 'react'

/** Every hook suite runs in both modes (design.md rule 6). */
export const modes = [
  { name: 'normal mode', Wrapper: Fragment },
  { name: 'StrictMode', Wrapper: StrictMode },
] as const

export type Mode = (typeof modes)[number]

/** Renders `ui` inside the mode's wrapper. */
export function renderIn(mode: Mode, ui: ReactElement): RenderResult {
  const { Wrapper } = mode
  return render(<Wrapper>{ui}</Wrapper>)
}

import type { BaseEvent, RunAgentInput } from '../../src/core/protocol/types'
import type { Agent, Observer } from '../../src/core/transport/Agent'

/** An agent the test drives event by event: `emit` pushes into the current run. */
export function createManualAgent() {
  const inputs: RunAgentInput[] = []
  let observer: Observer<BaseEvent> | undefined
  const agent: Agent = {
    run(input) {
      inputs.push(input)
      return {
        subscribe(o) {
          observer = typeof o === 'function' ? { next: o } : o
          return { unsubscribe: () => (observer = undefined) }
        },
      }
    },
  }
  return {
    agent,
    inputs,
    emit: (event: Record<string, unknown>) => observer?.next?.(event as unknown as BaseEvent),
    complete: () => observer?.complete?.(),
  }
}

/** Asserts that rendering `hook` outside any provider throws an error naming the hook and AgentProvider. */
export function expectThrowsOutsideProvider(name: string, hook: () => unknown): void {
  function Probe() {
    hook()
    return null
  }
  const original = console.error
  console.error = () => {} // React logs the render error; keep the output clean
  try {
    expect(() => render(<Probe />)).toThrow(
      new RegExp(`${name} must be used inside <AgentProvider>`),
    )
  } finally {
    console.error = original
  }
}
