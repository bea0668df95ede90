/**
 * `agent-wire-react/server`: Node-only helpers to serve AG-UI agents over HTTP + SSE
 * (spec 1.1, "Transports") and WebSocket, with event ids, replay buffers and resumable runs
 * (README, "Resumable streams and WebSocket"), and a deterministic demo agent. Never import
 * this from browser code.
 *
 * @packageDocumentation
 */
export { encodeSSE, type EncodeSSEOptions } from './encodeSSE'
export {
  writeEventStream,
  SSE_HEADERS,
  type WriteEventStreamOptions,
  type WriteEventStreamResult,
  type EventStreamSource,
} from './writeEventStream'
export {
  createAgentHandler,
  type AgentHandlerFn,
  type AgentHandlerContext,
  type AgentHandlerOptions,
  type AgentRequestHandler,
} from './createAgentHandler'
export type { CorsOptions } from './corsHeaders'
export {
  createReplayBuffer,
  type ReplayBuffer,
  type ReplayBufferOptions,
  type ReplayCheck,
  type ReplayEntry,
} from './createReplayBuffer'
export { createRunRegistry, type RunRegistry, type RunRegistryOptions } from './createRunRegistry'
export type { RunResync } from './createResyncStore'
export type { ManagedRun, ManagedRunStatus, ListenResult } from './ManagedRun'
export type { RunCursor } from './RunCursor'
export { RUN_ID_HEADER, RESUMABLE_HEADER } from './serveRunRoutes'
export {
  createWebSocketAgentServer,
  attachWebSocket,
  AWR_SUBPROTOCOL,
  AWR_AUTH_PROTOCOL_PREFIX,
  type WebSocketAgentServer,
  type WebSocketAgentServerOptions,
} from './createWebSocketAgentServer'
export { WS_CLOSE_CODES, type WebSocketAuthDecision } from './webSocketCloseCodes'
export type { ClientFrame } from './readClientFrame'
export { createDemoAgent, type DemoAgentOptions } from './demo/createDemoAgent'
export type {
  DemoTask,
  DemoState,
  DemoMeeting,
  DemoReport,
  DemoMeetingRequest,
} from './demo/demoState'
export type { DemoResumeErrorCode } from './demo/readResume'
export { startDemoServer, type DemoServerOptions, type DemoServer } from './startDemoServer'
export { toNodeListener } from './toNodeListener'
export * from './adapters'
