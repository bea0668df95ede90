/**
 * The entry of the SSE reader's lazy chunk (see `loadSseReader`): the reading loop of a run's
 * response body (`readSseBody`, with the Server-Sent Events decoder over `eventsource-parser` and
 * the frame JSON reader), which `readResponse` needs only once a response is there. Nothing in
 * the initial load imports this module statically.
 * @internal
 */
export { readSseBody } from './readSseBody'
