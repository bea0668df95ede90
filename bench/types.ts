/**
 * Loose shapes of what the bench generates. Both clients receive the same plain objects (cast
 * at the call), exactly as they would arrive from `JSON.parse`.
 */
import type { Message, RunAgentInput } from '../src/core/protocol/types'

/** An AG-UI event as plain JSON. */
export interface BaseEvent {
  type: string
  [field: string]: unknown
}

/** A JSON Patch operation (RFC 6902). */
export interface Operation {
  op: 'add' | 'remove' | 'replace' | 'move' | 'copy' | 'test'
  path: string
  value?: unknown
  from?: string
}

export type { Message, RunAgentInput }
