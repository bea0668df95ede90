import { useEffect } from 'react'
import type { AgentEvent } from '../core/protocol/types'
import type { AgentSnapshot } from '../core/reducer/AgentSnapshot'
import { useAgentSelector, useAgentStore } from '../react'
import { loadedHumanInTheLoop, preloadHumanInTheLoop } from './preloadHumanInTheLoop'

/** Whether the thread holds an approval or an interrupt (O(1): stops at the first approval). */
export function selectHasHumanInTheLoop(snapshot: AgentSnapshot): boolean {
  if (snapshot.interrupts.length > 0) return true
  for (const key in snapshot.approvals) if (key) return true
  return false
}

/**
 * Whether `event` announces that the run may soon need a person: a tool call starts
 * (`TOOL_CALL_START`, `TOOL_CALL_CHUNK`; a call may need approval or be gated by an interrupt), or
 * a run starts with tools (`RUN_STARTED` whose `input.tools` is not empty).
 */
export function announcesHumanInTheLoop(event: AgentEvent): boolean {
  switch (event.type) {
    case 'TOOL_CALL_START':
    case 'TOOL_CALL_CHUNK':
      return true
    case 'RUN_STARTED':
      return (event.input?.tools?.length ?? 0) > 0
    default:
      return false
  }
}

/**
 * Starts loading the human-in-the-loop cards (`preloadHumanInTheLoop`) as soon as the thread of
 * the nearest `AgentProvider` may need one: the thread holds an approval or an interrupt (also
 * one restored from storage), or an event {@link announcesHumanInTheLoop}. So the card is
 * usually in before its call's arguments have finished streaming. Listens to `store.onEvent`
 * only until the chunk is loaded. `<Chat />` runs it (through `HitlAnnouncer`).
 *
 * @throws Error naming `AgentProvider` when used outside one.
 */
export function usePreloadHumanInTheLoop(): void {
  const store = useAgentStore()
  const present = useAgentSelector(selectHasHumanInTheLoop)
  useEffect(() => {
    if (present) void preloadHumanInTheLoop()
  }, [present])
  useEffect(() => {
    if (loadedHumanInTheLoop()) return
    const off = store.onEvent((event) => {
      if (!announcesHumanInTheLoop(event)) return
      off()
      void preloadHumanInTheLoop()
    })
    return off
  }, [store])
}
