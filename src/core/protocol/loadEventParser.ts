/**
 * The event validator (`parseEvent.ts`: the zod/mini schemas, compatibility translation,
 * stripping; ~15 kB gzipped) loads in its own chunk, at the transport edge, in parallel with a
 * run's first request (design.md rule 2; issue 7, bundle budgets). Nothing here imports it
 * statically.
 */
import { AgentError } from './AgentError'
import { createChunkLoader } from './createChunkLoader'
import type { EventParser, EventParserOptions, ParseEventResult } from './parseEvent'

/** `createEventParser` (see `parseEvent.ts`), once its chunk is loaded. */
export type CreateEventParser = (options?: EventParserOptions) => EventParser

const validator = createChunkLoader<CreateEventParser>(
  () => import('./parseEvent').then((module) => module.createEventParser),
  'The AG-UI event validator',
)

/** `createEventParser` when its chunk is loaded already, else `undefined` (starts nothing). */
export function loadedEventParser(): CreateEventParser | undefined {
  return validator.loaded()
}

/**
 * Loads the event validator's chunk, once; later calls share the load (and resolve at once
 * after it).
 *
 * @returns `createEventParser`.
 * @throws (rejects with) AgentError `load_failed` (retryable) when the chunk cannot be loaded;
 *   the next call tries again.
 */
export function loadEventParser(): Promise<CreateEventParser> {
  return validator.load()
}

/**
 * Loads the AG-UI event validator (the zod/mini schemas, ~15 kB gzipped, a lazy chunk) ahead of
 * the first run. Optional: every run starts the load itself, in parallel with its request, and
 * waits for it before the first event is parsed (`HttpAgent`, `WebSocketAgent`, and the store for
 * agents that do not validate). Call it at boot (or on hover of a "send" button) to take even
 * that wait off the first run.
 *
 * Never rejects: a failed load is logged (`console.error`) and retried by the next run, which
 * ends with `AgentError` `load_failed` if the load fails again.
 *
 * @example
 * void preloadProtocol()
 */
export function preloadProtocol(): Promise<void> {
  return validator.preload()
}

/**
 * An {@link EventParser} that can be handed out before the validator is loaded (see
 * {@link pendingEventParser}). @internal
 */
export interface PendingEventParser extends EventParser {
  /**
   * While the validator loads: the load, resolving once `parse` uses it, rejecting with
   * AgentError `load_failed`; hold events back until it settles (before, `parse` answers every
   * event with an `load_failed` error). `undefined` once loaded.
   */
  readonly ready?: Promise<void> | undefined
}

/**
 * A parser for one stream, usable at once: the real one when the validator is loaded, else a
 * stand-in that parses with the real one once the load (started here) ends. @internal
 */
export function pendingEventParser(options: EventParserOptions = {}): PendingEventParser {
  const create = validator.loaded()
  if (create) return create(options)
  let real: EventParser | undefined
  const ready = loadEventParser().then((createParser) => void (real = createParser(options)))
  ready.catch(() => undefined) // the holder of the stand-in reports it
  return {
    get ready() {
      return real ? undefined : ready
    },
    parse: (raw): ParseEventResult =>
      real
        ? real.parse(raw)
        : {
            ok: false,
            dropped: false,
            error: new AgentError(
              'load_failed',
              'An event arrived before the AG-UI event validator was loaded; it was not applied.',
              { event: raw, retryable: true },
            ),
            diagnostics: [],
          },
  }
}
