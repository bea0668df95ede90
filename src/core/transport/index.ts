/**
 * The transport layer: the {@link Agent} contract, the kit's minimal Observable, and the
 * HTTP/SSE transport (spec 1.1, "Transports").
 */
export type { Agent, Observable, Observer, RunOptions, Subscription } from './Agent'
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
