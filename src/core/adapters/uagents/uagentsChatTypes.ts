/**
 * Wire shapes of the Fetch.ai uAgents Agent Chat Protocol 0.3.0 (`uagents_core.contrib.protocols.chat`,
 * manifest digest `proto:30a801ed…`) and of the kit's uAgents bridge browser API
 * (`createUAgentsBridge` in `agent-wire-react/server`). Field names are the protocol's, verbatim.
 */

/** `TextContent`. */
export interface UAgentsTextContent {
  type: 'text'
  text: string
}

/** `Resource`: a URI and string metadata (`mime_type`, `name`, ...). */
export interface UAgentsResource {
  uri: string
  metadata: Record<string, string>
}

/** `ResourceContent`: one resource or a list of them. */
export interface UAgentsResourceContent {
  type: 'resource'
  /** uuid4. */
  resource_id: string
  resource: UAgentsResource | UAgentsResource[]
}

/**
 * `MetadataContent`: string key/values. Interactive cards travel here (cards convention "1":
 * `card_protocol_version`, `card_kind`, `card_payload` JSON, optional `card_id`; older agents
 * also set `requires_card_interaction: "true"`).
 */
export interface UAgentsMetadataContent {
  type: 'metadata'
  metadata: Record<string, string>
}

/** `StartSessionContent` / `EndSessionContent`. */
export interface UAgentsSessionContent {
  type: 'start-session' | 'end-session'
}

/** `StartStreamContent` / `EndStreamContent`: the text items between them form one message. */
export interface UAgentsStreamContent {
  type: 'start-stream' | 'end-stream'
  /** uuid4. */
  stream_id: string
}

/** One item of `ChatMessage.content`. */
export type UAgentsChatContent =
  | UAgentsTextContent
  | UAgentsResourceContent
  | UAgentsMetadataContent
  | UAgentsSessionContent
  | UAgentsStreamContent

/** `ChatMessage {timestamp, msg_id, content}` (model digest `model:26018259…`). */
export interface UAgentsChatMessage {
  /** ISO 8601 date-time. */
  timestamp: string
  /** uuid4. */
  msg_id: string
  content: UAgentsChatContent[]
}

/** `ChatAcknowledgement {timestamp, acknowledged_msg_id, metadata?}` (model digest `model:741eb756…`). */
export interface UAgentsChatAcknowledgement {
  timestamp: string
  acknowledged_msg_id: string
  metadata?: Record<string, string>
}

/**
 * Error codes the bridge reports (in an `error` frame or an HTTP error body `{error:{code,message}}`):
 * - `agent_unreachable`: POSTing to the agent's `/submit` failed (network, 5xx) → `AgentError('network')`;
 * - `agent_lost`: the agent did not acknowledge a ChatMessage within the bridge's `ackTimeoutMs`
 *   → `AgentError('heartbeat_timeout')` (the acknowledgement is the protocol's liveness signal);
 * - `agent_rejected`: the agent's `/submit` answered 4xx (bad envelope, unroutable target)
 *   → `AgentError('bad_frame')`;
 * - `bad_request`: the browser's request to the bridge was malformed → `AgentError('http_error')`.
 */
export type UAgentsBridgeErrorCode =
  'agent_unreachable' | 'agent_lost' | 'agent_rejected' | 'bad_request'

/**
 * One frame of the bridge's `GET /chat/{session}/events` SSE stream (JSON in `data:`):
 * - `ready`: the subscription is live (sent first; the adapter POSTs only after it);
 * - `sent`: the bridge delivered our ChatMessage `msg_id` to the agent's `/submit`;
 * - `ack`: the agent's ChatAcknowledgement of one of our messages;
 * - `message`: a ChatMessage from the agent (the bridge already acknowledged it);
 * - `error`: the bridge lost the agent or the agent rejected our envelope.
 */
export type UAgentsBridgeFrame =
  | { kind: 'ready'; session: string }
  | { kind: 'sent'; msg_id: string }
  | { kind: 'ack'; sender: string; ack: UAgentsChatAcknowledgement }
  | { kind: 'message'; sender: string; msg: UAgentsChatMessage }
  | { kind: 'error'; code: UAgentsBridgeErrorCode; message: string; msg_id?: string }

/** Body of `POST /chat/{session}`: the content of the ChatMessage the bridge builds and sends. */
export interface UAgentsSendRequest {
  /** uuid4 to use as `msg_id` (default: the bridge makes one). */
  msg_id?: string
  content: UAgentsChatContent[]
}

/** One model of a protocol manifest, as the bridge's `/status` reports it. */
export interface UAgentsManifestModel {
  /** `model:<sha256 hex>`. */
  digest: string
  /** The model's JSON Schema (pydantic v1 `schema()`): `title`, `properties`, `required`, ... */
  schema: { title?: string; properties?: Record<string, unknown>; [key: string]: unknown }
}

/** A uAgents protocol manifest (`ProtocolSpecification.manifest()`). */
export interface UAgentsProtocolManifest {
  version: string
  metadata: { name: string; version: string; digest: string }
  models: UAgentsManifestModel[]
  interactions: { type: string; request: string; responses: string[] }[]
}

/** The agent's `GET /agent_info` answer. */
export interface UAgentsAgentInfo {
  address: string
  endpoints?: { url: string; weight?: number }[]
  /** Protocol digests (`proto:…`). */
  protocols?: string[]
  agent_type?: string
  metadata?: Record<string, unknown>
  prefix?: string
  port?: number
  [key: string]: unknown
}

/**
 * The bridge's `GET /status` answer: what it read from the agent (`agent_info`, or why not),
 * the `HEAD /submit` readiness (`x-uagents-status`: `ready` | `not-ready` | `indeterminate`,
 * or `unreachable`), the manifests it knows for the agent's protocols, and its own address.
 */
export interface UAgentsBridgeStatus {
  bridgeAddress: string
  agentAddress: string
  agentEndpoint?: string
  agentInfo?: UAgentsAgentInfo
  agentInfoError?: string
  readiness: 'ready' | 'not-ready' | 'indeterminate' | 'unreachable'
  /** `x-uagents-response-time-hint`, seconds, when the agent sent one. */
  responseTimeHintS?: number
  manifests: UAgentsProtocolManifest[]
  /** Sessions with an open browser stream. */
  openSessions: number
}
