/**
 * The entry of the SSE reader's lazy chunk (see `loadSseReader`): the Server-Sent Events decoder
 * (over `eventsource-parser`) and the frame JSON reader, which `readResponse` needs only once a
 * response is there. Nothing in the initial load imports this module statically.
 * @internal
 */
export { createSseDecoder } from './createSseDecoder'
export { parseFrameJson } from './parseFrameJson'
