import type {
  SubagentErrorEvent,
  SubagentFinishedEvent,
  SubagentStartedEvent,
} from '../protocol/types'
import type { SubagentView } from './AgentSnapshot'
import type { Snapshot } from './Snapshot'

/** `SUBAGENT_STARTED` / `SUBAGENT_FINISHED` / `SUBAGENT_ERROR` (spec 1.1, "Subagents"). */
export function applySubagentEvent(
  s: Snapshot,
  e: SubagentStartedEvent | SubagentFinishedEvent | SubagentErrorEvent,
): Snapshot {
  const prior = s.subagents[e.subagentRunId]
  let view: SubagentView
  if (e.type === 'SUBAGENT_STARTED') {
    view = {
      subagentRunId: e.subagentRunId,
      name: e.name,
      status: 'running',
      ...(e.description !== undefined && { description: e.description }),
      ...(e.parentSubagentRunId !== undefined && { parentSubagentRunId: e.parentSubagentRunId }),
      ...(e.parentToolCallId !== undefined && { parentToolCallId: e.parentToolCallId }),
      ...(e.parentMessageId !== undefined && { parentMessageId: e.parentMessageId }),
    }
  } else {
    const base: SubagentView = prior ?? {
      subagentRunId: e.subagentRunId,
      name: '',
      status: 'running',
    }
    view =
      e.type === 'SUBAGENT_FINISHED'
        ? {
            ...base,
            status: e.outcome?.type === 'suspended' ? 'suspended' : 'finished',
            ...('result' in e && { result: e.result }),
          }
        : {
            ...base,
            status: 'error',
            error: { message: e.message, ...(e.code !== undefined && { code: e.code }) },
          }
  }
  return s.with({ subagents: { ...s.subagents, [e.subagentRunId]: view } })
}
