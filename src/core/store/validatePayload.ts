import { AgentError } from '../protocol/AgentError'
import type { SchemaCheck } from './createSchemaValidator'

type Compile = (schema: Record<string, unknown>) => SchemaCheck

let compile: Compile | undefined
let loading: Promise<void> | undefined
const checks = new WeakMap<object, SchemaCheck>()

/**
 * Starts loading the `responseSchema` validator (`@cfworker/json-schema`, ~10 kB gzipped) in its
 * own chunk, once; later calls return the same promise. The store calls it as soon as an
 * interrupt with a `responseSchema` is in the thread, so the validator is there before a person
 * answers. Never rejects: a failed load is logged and retried on the next call.
 */
export function loadPayloadValidator(): Promise<void> {
  loading ??= import('./createSchemaValidator').then(
    (module) => {
      compile = module.createSchemaValidator
    },
    (error: unknown) => {
      loading = undefined
      console.error('[agent-wire-react] loading the responseSchema validator failed:', error)
    },
  )
  return loading
}

/**
 * `undefined` when answers to `interrupts` can be validated now (none outstanding carries a
 * `responseSchema`, or the validator is loaded); else the promise of the load, started here.
 */
export function payloadValidatorPending(
  interrupts: ReadonlyArray<{ state: string; responseSchema?: unknown }>,
): Promise<void> | undefined {
  if (compile) return undefined
  const needed = interrupts.some((i) => i.state !== 'resolved' && i.responseSchema !== undefined)
  return needed ? loadPayloadValidator() : undefined
}

/**
 * Validates an interrupt answer against its `responseSchema` (JSON Schema, draft 2020-12) with
 * `@cfworker/json-schema` (CSP-safe, no `eval`), loaded on first use (see
 * {@link loadPayloadValidator}). Checks are cached per schema object. Returns `undefined` when
 * valid or when there is no schema, else:
 * - `AgentError('invalid_payload')` listing the failures (a schema the validator cannot read
 *   too);
 * - `AgentError('not_ready')` (retryable) while the validator is not loaded: nothing judged.
 *   The store's interrupt actions wait for the load instead (see `payloadValidatorPending`), so
 *   this only surfaces when the validator's chunk cannot be loaded.
 */
export function validatePayload(
  interruptId: string,
  schema: Record<string, unknown> | undefined,
  payload: unknown,
): AgentError | undefined {
  if (schema === undefined) return undefined
  if (!compile) {
    void loadPayloadValidator()
    return new AgentError(
      'not_ready',
      `The responseSchema validator of interrupt '${interruptId}' is still loading; answer again in a moment.`,
      { retryable: true },
    )
  }
  try {
    let check = checks.get(schema)
    if (!check) {
      check = compile(schema)
      checks.set(schema, check)
    }
    const failures = check(payload)
    if (failures === undefined) return undefined
    return new AgentError(
      'invalid_payload',
      `The answer to interrupt '${interruptId}' does not match its responseSchema: ${failures}`,
    )
  } catch (cause) {
    return new AgentError(
      'invalid_payload',
      `The responseSchema of interrupt '${interruptId}' could not be applied: ${(cause as Error).message}`,
      { cause },
    )
  }
}
