/**
 * The transport layer: the {@link Agent} contract, the kit's minimal Observable, the HTTP/SSE
 * transport (spec 1.1, "Transports") and the WebSocket transport (issue 6), with resume,
 * reconnect backoff, the close-code policy and connection state.
 */
export type { Agent, AttachParams, Observable, Observer, RunOptions, Subscription } from './Agent'
export { createObservable, type SubscriberSink, type Teardown } from './createObservable'
export { fromAsyncIterable, toAsyncIterable } from './asyncIterable'
export {
  HttpAgent,
  type HttpAgentHeaders,
  type HttpAgentOptions,
  type HttpRunOptions,
} from './HttpAgent'
export {
  createSseDecoder,
  type SseDecoder,
  type SseDecoderOptions,
  type SseFrame,
} from './createSseDecoder'
export { preloadSseReader } from './loadSseReader'
export { WebSocketAgent } from './WebSocketAgent'
export type { WebSocketAgentOptions } from './WebSocketAgentOptions'
export type { AuthRefreshResult } from './WebSocketConnectionOptions'
export type { WebSocketAuthVia, WebSocketConstructor, WebSocketLike } from './openWebSocket'
export type {
  WebSocketClientFrame,
  WebSocketErrorFrameCode,
  WebSocketServerFrame,
} from './webSocketFrames'
export type { ConnectionState, ConnectionStatus } from './ConnectionState'
export {
  createBackoff,
  DEFAULT_BACKOFF,
  type Backoff,
  type BackoffDeps,
  type BackoffOptions,
  type BackoffStep,
} from './createBackoff'
export {
  CLOSE_CODE_POLICY,
  closeCodeRule,
  MIN_RATE_LIMIT_WAIT_MS,
  parseRetryAfterMs,
  type CloseAction,
  type CloseCodeRule,
} from './closeCodePolicy'
export { systemClock, type Clock } from './Clock'
export type { DocumentLike, WindowLike } from './watchPageLifecycle'
