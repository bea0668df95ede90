/**
 * A SHOULD-level finding about the stream that does not fail the run: an unknown event type
 * dropped, an unknown field stripped, a retired `THINKING_*` event translated, a state patch
 * that could not be applied, a newer protocol version announced by the producer.
 */
export interface Diagnostic {
  /** `warning`: the input was not as the spec asks; `info`: a translation the kit made. */
  level: 'warning' | 'info'
  /** Stable code, e.g. `unknown_event_dropped`, `unknown_field_stripped`, `thinking_translated`, `state_patch_failed`, `protocol_version_newer`. */
  code: string
  /** Readable text; for the conformance corpus it contains the event type concerned. */
  message: string
  /** The event type concerned, when there is one. */
  eventType?: string
}
