import type { Diagnostic } from '../protocol/Diagnostic'
import type { Message } from '../protocol/types'
import type {
  AgentSnapshot,
  InterruptView,
  RunInfo,
  StepInfo,
  SubagentView,
  ToolApproval,
  ToolCallView,
} from './AgentSnapshot'
import type { ConnectionState } from '../transport/ConnectionState'
import { buildToolCalls } from './buildToolCalls'
import { indexToolCalls } from './indexToolCalls'
import { MessageList } from './MessageList'
import { toInterruptView } from './toInterruptView'

/** What the reducer remembers about a tool call beyond the message that holds it. @internal */
export interface ToolCallEntry {
  messageId: string
  ended: boolean
  resultMessageId?: string
}

/** The fields a {@link Snapshot} is built from. @internal */
export interface SnapshotFields {
  threadId: string
  list: MessageList
  state: unknown
  run: RunInfo
  interrupts: readonly InterruptView[]
  approvals: Readonly<Record<string, ToolApproval>>
  steps: readonly StepInfo[]
  subagents: Readonly<Record<string, SubagentView>>
  streamingMessageIds: readonly string[]
  diagnostics: readonly Diagnostic[]
  calls: Readonly<Record<string, ToolCallEntry>>
  connection: ConnectionState
}

const MAX_DIAGNOSTICS = 100
const IDLE_CONNECTION: ConnectionState = { status: 'idle' }

/** The fields a streamed token never changes, shared by consecutive snapshots in one record. */
const COLD_KEYS = [
  'threadId',
  'interrupts',
  'approvals',
  'steps',
  'subagents',
  'diagnostics',
  'calls',
  'connection',
] as const
type ColdFields = Pick<SnapshotFields, (typeof COLD_KEYS)[number]>

/**
 * The reducer's {@link AgentSnapshot}. Plain data fields plus two lazily computed, cached
 * views (`messages`, `toolCalls`), so that applying a token never touches the whole thread.
 * `toJSON()` gives a plain object (prototype getters are not own properties).
 *
 * A snapshot is built once per event, so it is kept small (issue 7): what a streamed token
 * changes (`list`) and the fields most events change are its own; the others (`threadId`,
 * `interrupts`, `approvals`, `steps`, `subagents`, `diagnostics`, `calls`, `connection`) live in
 * one record shared until one of them changes, read through getters. 88 bytes a token instead
 * of 144 (V8, 64-bit).
 * @internal
 */
export class Snapshot implements AgentSnapshot {
  readonly list: MessageList
  readonly state: unknown
  readonly run: RunInfo
  readonly streamingMessageIds: readonly string[]
  readonly #cold: ColdFields
  #messages: readonly Message[] | undefined
  #toolCalls: Readonly<Record<string, ToolCallView>> | undefined
  /** The newest tool-call views computed by an ancestor, reused where a call did not change. */
  #previousToolCalls: Readonly<Record<string, ToolCallView>> | undefined

  /** @internal Use {@link createSnapshot} / {@link toSnapshot}. */
  constructor(
    list: MessageList,
    state: unknown,
    run: RunInfo,
    streamingMessageIds: readonly string[],
    cold: ColdFields,
  ) {
    this.list = list
    this.state = state
    this.run = run
    this.streamingMessageIds = streamingMessageIds
    this.#cold = cold
  }

  get threadId(): string {
    return this.#cold.threadId
  }
  get interrupts(): readonly InterruptView[] {
    return this.#cold.interrupts
  }
  get approvals(): Readonly<Record<string, ToolApproval>> {
    return this.#cold.approvals
  }
  get steps(): readonly StepInfo[] {
    return this.#cold.steps
  }
  get subagents(): Readonly<Record<string, SubagentView>> {
    return this.#cold.subagents
  }
  get diagnostics(): readonly Diagnostic[] {
    return this.#cold.diagnostics
  }
  get calls(): Readonly<Record<string, ToolCallEntry>> {
    return this.#cold.calls
  }
  get connection(): ConnectionState {
    return this.#cold.connection
  }

  get messages(): readonly Message[] {
    return (this.#messages ??= this.list.toArray())
  }

  get toolCalls(): Readonly<Record<string, ToolCallView>> {
    if (!this.#toolCalls) {
      this.#toolCalls = buildToolCalls(this.list, this.calls, this.#previousToolCalls)
      this.#previousToolCalls = undefined
    }
    return this.#toolCalls
  }

  /**
   * A snapshot with some fields changed; every other field is shared, and so are the derived
   * views when what they derive from did not change (a state delta does not rebuild `messages`).
   */
  with(c: Partial<SnapshotFields>): Snapshot {
    let cold = this.#cold
    for (const key of COLD_KEYS) {
      if (c[key] == null) continue // as `??` would: the field is kept
      // The shared record is copied once (same shape), then what changed is replaced.
      if (cold === this.#cold) cold = { ...cold }
      ;(cold as Record<string, unknown>)[key] = c[key]
    }
    const next = new Snapshot(
      c.list ?? this.list,
      'state' in c ? c.state : this.state,
      c.run ?? this.run,
      c.streamingMessageIds ?? this.streamingMessageIds,
      cold,
    )
    const sameList = c.list === undefined || c.list === this.list
    const sameCalls = c.calls === undefined || c.calls === this.#cold.calls
    if (sameList) next.#messages = this.#messages
    if (sameList && sameCalls) next.#toolCalls = this.#toolCalls
    next.#previousToolCalls = this.#toolCalls ?? this.#previousToolCalls
    return next
  }

  /**
   * `with({ list })` without the change object: what a streamed token (`TEXT_MESSAGE_CONTENT`,
   * `TOOL_CALL_ARGS`) does, once per event. Same sharing as {@link Snapshot.with}.
   */
  withList(list: MessageList): Snapshot {
    const next = new Snapshot(list, this.state, this.run, this.streamingMessageIds, this.#cold)
    if (list === this.list) {
      next.#messages = this.#messages
      next.#toolCalls = this.#toolCalls
    }
    next.#previousToolCalls = this.#toolCalls ?? this.#previousToolCalls
    return next
  }

  /** A snapshot with one more diagnostic (at most 100 kept, oldest dropped). */
  withDiagnostic(diagnostic: Diagnostic): Snapshot {
    const diagnostics = [...this.diagnostics, diagnostic]
    if (diagnostics.length > MAX_DIAGNOSTICS) diagnostics.shift()
    return this.with({ diagnostics })
  }

  toJSON(): Omit<AgentSnapshot, 'toolCalls'> & { toolCalls: Record<string, ToolCallView> } {
    return {
      threadId: this.threadId,
      messages: this.messages,
      state: this.state,
      run: this.run,
      toolCalls: { ...this.toolCalls },
      interrupts: this.interrupts,
      approvals: this.approvals,
      steps: this.steps,
      subagents: this.subagents,
      streamingMessageIds: this.streamingMessageIds,
      diagnostics: this.diagnostics,
      connection: this.connection,
    }
  }
}

/**
 * Creates an empty (or pre-filled) snapshot.
 *
 * @param init.threadId - Default `''`: the first `RUN_STARTED` fills it.
 * @param init.messages - Thread history (AG-UI messages), copied.
 * @param init.state - Initial agent state, default `{}`.
 */
export function createSnapshot(
  init: { threadId?: string; messages?: readonly Message[]; state?: unknown } = {},
): AgentSnapshot {
  return toSnapshot(init as Partial<AgentSnapshot>)
}

/**
 * Returns `snapshot` as the internal class, converting a plain object once (O(n)): each field it
 * sets (not `undefined` or `null`), else the field of an empty snapshot.
 */
export function toSnapshot(snapshot: Partial<AgentSnapshot>): Snapshot {
  if (snapshot instanceof Snapshot) return snapshot
  const messages = snapshot.messages ?? []
  return new Snapshot(
    messages.length ? MessageList.from(messages) : MessageList.empty,
    'state' in snapshot ? snapshot.state : {},
    snapshot.run ?? { status: 'idle', pendingToolCallIds: [] },
    snapshot.streamingMessageIds ?? [],
    {
      threadId: snapshot.threadId ?? '',
      interrupts: snapshot.interrupts?.map(toInterruptView) ?? [],
      approvals: snapshot.approvals ?? {},
      steps: snapshot.steps ?? [],
      subagents: snapshot.subagents ?? {},
      diagnostics: snapshot.diagnostics ?? [],
      calls: indexToolCalls(messages),
      connection: snapshot.connection ?? IDLE_CONNECTION,
    },
  )
}
