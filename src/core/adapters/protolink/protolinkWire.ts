/**
 * Protolink's wire shapes (repo nMaroulis/protolink v0.7, `../shared/seed-systems` §3), as the
 * adapter reads them. Only the members the kit uses are typed; everything else passes through.
 */

/** A Protolink `Part`: the adapter sends `infer` parts and reads `text` parts back. */
export interface ProtolinkPart {
  type: 'infer' | 'text' | (string & {})
  content: unknown
}

/** A Protolink `Message` inside a {@link ProtolinkTask}. */
export interface ProtolinkMessage {
  id: string
  role: 'user' | 'agent' | (string & {})
  parts: ProtolinkPart[]
  timestamp: string
}

/** Task states, verbatim. */
export type ProtolinkTaskState =
  'submitted' | 'working' | 'input-required' | 'completed' | 'canceled' | 'failed'

/** The Task the adapter POSTs to `/tasks/stream` (and reads back in the final status update). */
export interface ProtolinkTask {
  id: string
  state: ProtolinkTaskState | (string & {})
  messages: ProtolinkMessage[]
  metadata: { session_id?: string; [key: string]: unknown }
}

/** One `data:` frame of `/tasks/stream`: a JSON-RPC-style envelope. */
export type ProtolinkFrame =
  | {
      jsonrpc?: string
      id?: unknown
      ok: true
      result: ProtolinkStreamEvent | null
      final?: boolean
    }
  | {
      jsonrpc?: string
      id?: unknown
      ok: false
      error: { message?: string; type?: string }
      final?: boolean
    }

/** The events carried in `result`, by `type`. Unknown types become `CUSTOM` events. */
export type ProtolinkStreamEvent = { type: string; [key: string]: unknown }

/** The action an {@link ProtolinkApprovalRequest} asks about (a tool or agent call). */
export interface ProtolinkAction {
  action_id: string
  kind?: string
  name: string
  payload?: { arguments?: unknown }
  capabilities?: unknown
  description?: string
}

/** Protolink's `ApprovalRequest` (in `metadata.request` of an `approval_required` event). */
export interface ProtolinkApprovalRequest {
  request_id: string
  run_id?: string
  action: ProtolinkAction
  policy_decision?: { effect?: string; reason?: string; policy_name?: string }
  created_at?: string
}

/** The decision the approval endpoint takes: `POST /approvals/{request_id}`. */
export interface ProtolinkApprovalDecision {
  approved: boolean
  request_id: string
  reason?: string
}

/** One skill of a {@link ProtolinkAgentCard}. */
export interface ProtolinkSkill {
  id: string
  description?: string
  input_schema?: unknown
  output_schema?: unknown
  tags?: string[]
  examples?: string[]
}

/** `GET /.well-known/agent.json`. */
export interface ProtolinkAgentCard {
  name: string
  description?: string
  url?: string
  transport?: string
  version?: string
  protocolVersion?: string
  capabilities?: {
    streaming?: boolean
    push_notifications?: boolean
    delegation?: boolean
    has_llm?: boolean
    tool_calling?: boolean
    max_concurrency?: number
    [key: string]: unknown
  }
  skills?: ProtolinkSkill[]
  inputFormats?: string[]
  outputFormats?: string[]
  securitySchemes?: unknown
  tags?: string[]
}
