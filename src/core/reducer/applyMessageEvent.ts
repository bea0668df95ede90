import type {
  ActivityDeltaEvent,
  ActivitySnapshotEvent,
  AssistantMessage,
  Message,
  MessagesSnapshotEvent,
  Metadata,
  ReasoningEncryptedValueEvent,
} from '../protocol/types'
import { appendFlattening, flattenString } from './appendFlattening'
import { applyPatch } from './applyPatch'
import { MessageList } from './MessageList'
import { withContent } from './withContent'
import { indexToolCalls } from './indexToolCalls'
import type { Snapshot } from './Snapshot'

/** Shallow, last-write-wins metadata merge (spec 1.1 "Metadata": the merge does not recurse). */
export function mergeMetadata<T extends { metadata?: Metadata }>(
  target: T,
  metadata?: Metadata,
): T {
  if (!metadata) return target
  return withField(target, 'metadata', { ...target.metadata, ...metadata })
}

/**
 * A shallow copy of `target` with `key` set to `value`. Copy-then-assign, not
 * `{ ...target, [key]: value }`: V8 clones a plain object about 3× faster than it builds a
 * spread literal with an overriding member, and this runs once per streamed token.
 */
export function withField<T extends object, K extends keyof T>(target: T, key: K, value: T[K]): T {
  const copy = { ...target }
  copy[key] = value
  return copy
}

interface Attributed {
  subagentRunId?: string
  metadata?: Metadata
}

function withoutId(ids: readonly string[], id: string): readonly string[] {
  return ids.includes(id) ? ids.filter((x) => x !== id) : ids
}

/** `TEXT_MESSAGE_START` / `REASONING_MESSAGE_START`: create the message, or reopen it. */
export function startMessage(
  s: Snapshot,
  e: Attributed & { messageId: string; name?: string },
  role: Message['role'],
): Snapshot {
  const i = s.list.indexOf(e.messageId)
  const streaming = s.streamingMessageIds.includes(e.messageId)
    ? s.streamingMessageIds
    : [...s.streamingMessageIds, e.messageId]
  if (i >= 0) {
    const existing = s.list.at(i)!
    const reopened = mergeMetadata(existing, e.metadata)
    return s.with({
      list: reopened === existing ? s.list : s.list.set(i, reopened),
      streamingMessageIds: streaming,
    })
  }
  const message = {
    id: e.messageId,
    role,
    content: '',
    ...(e.name !== undefined && { name: e.name }),
    ...(e.subagentRunId !== undefined && { subagentRunId: e.subagentRunId }),
    ...(e.metadata && { metadata: { ...e.metadata } }),
  } as Message
  return s.with({ list: s.list.push(message), streamingMessageIds: streaming })
}

/** `*_CONTENT`: append the delta. O(1) amortized (string ropes, tail copy). */
export function appendContent(
  s: Snapshot,
  e: Attributed & { messageId: string; delta: string },
): Snapshot {
  const i = s.list.indexOf(e.messageId)
  if (i < 0) {
    return s.withDiagnostic({
      level: 'warning',
      code: 'unknown_message',
      message: `Content for unknown message '${e.messageId}' was ignored`,
    })
  }
  const m = s.list.at(i) as Message & { content?: unknown }
  const content = typeof m.content === 'string' ? appendFlattening(m.content, e.delta) : e.delta
  return s.withList(s.list.set(i, mergeMetadata(withContent(m, content), e.metadata)))
}

/** `*_END`: the message stops streaming. */
export function endMessage(s: Snapshot, e: Attributed & { messageId: string }): Snapshot {
  const i = s.list.indexOf(e.messageId)
  const streamingMessageIds = withoutId(s.streamingMessageIds, e.messageId)
  // The message is complete: one flat string from now on; its rope dies young (issue 7).
  const content = i < 0 ? undefined : (s.list.at(i) as { content?: unknown }).content
  if (typeof content === 'string') flattenString(content)
  if (i < 0 || !e.metadata) return s.with({ streamingMessageIds })
  return s.with({
    list: s.list.set(i, mergeMetadata(s.list.at(i)!, e.metadata)),
    streamingMessageIds,
  })
}

/** `MESSAGES_SNAPSHOT`: the snapshot's list becomes the thread (reconciled by id). */
export function applyMessagesSnapshot(s: Snapshot, e: MessagesSnapshotEvent): Snapshot {
  const messages = e.messages.map((m) => {
    const mine = s.list.get(m.id)
    return mine && JSON.stringify(mine) === JSON.stringify(m) ? mine : m
  })
  const ids = new Set(messages.map((m) => m.id))
  const calls = indexToolCalls(messages)
  for (const [id, entry] of Object.entries(s.calls)) {
    if (calls[id] && !entry.ended && ids.has(entry.messageId))
      calls[id] = { ...calls[id], ended: false }
  }
  return s.with({
    list: MessageList.from(messages),
    calls,
    streamingMessageIds: s.streamingMessageIds.filter((id) => ids.has(id)),
  })
}

/** `ACTIVITY_SNAPSHOT`: create, replace (default) or keep (`replace: false`) the activity message. */
export function applyActivitySnapshot(s: Snapshot, e: ActivitySnapshotEvent): Snapshot {
  const i = s.list.indexOf(e.messageId)
  const message: Message = {
    id: e.messageId,
    role: 'activity',
    activityType: e.activityType,
    content: e.content,
    ...(e.subagentRunId !== undefined && { subagentRunId: e.subagentRunId }),
    ...(e.metadata && { metadata: { ...e.metadata } }),
  }
  if (i < 0) return s.with({ list: s.list.push(message) })
  if (e.replace === false) return s
  return s.with({ list: s.list.set(i, { ...s.list.at(i)!, ...message }) })
}

/** `ACTIVITY_DELTA`: JSON Patch on the activity's content; a missing target is skipped. */
export function applyActivityDelta(s: Snapshot, e: ActivityDeltaEvent): Snapshot {
  const i = s.list.indexOf(e.messageId)
  const m = i < 0 ? undefined : s.list.at(i)
  if (!m || m.role !== 'activity') {
    return s.withDiagnostic({
      level: 'info',
      code: 'activity_target_missing',
      message: `ACTIVITY_DELTA for unknown activity '${e.messageId}' was skipped`,
      eventType: 'ACTIVITY_DELTA',
    })
  }
  const result = applyPatch(m.content, e.patch)
  if (!result.ok) {
    return s.withDiagnostic({
      level: 'warning',
      code: 'activity_patch_failed',
      message: `Failed to apply activity patch to '${e.messageId}': ${result.error}`,
      eventType: 'ACTIVITY_DELTA',
    })
  }
  const content = result.document as Record<string, unknown>
  return s.with({ list: s.list.set(i, mergeMetadata({ ...m, content }, e.metadata)) })
}

/** `REASONING_ENCRYPTED_VALUE`: attach to the message or tool call; unknown entities are skipped. */
export function applyEncryptedValue(s: Snapshot, e: ReasoningEncryptedValueEvent): Snapshot {
  if (e.subtype === 'message') {
    const i = s.list.indexOf(e.entityId)
    if (i < 0) return s
    return s.with({
      list: s.list.set(i, { ...s.list.at(i)!, encryptedValue: e.encryptedValue } as Message),
    })
  }
  const entry = s.calls[e.entityId]
  const i = entry ? s.list.indexOfRole(entry.messageId, 'assistant') : -1
  if (i < 0) return s
  const owner = s.list.at(i) as AssistantMessage
  const toolCalls = (owner.toolCalls ?? []).map((c) =>
    c.id === e.entityId ? { ...c, encryptedValue: e.encryptedValue } : c,
  )
  return s.with({ list: s.list.set(i, { ...owner, toolCalls }) })
}
