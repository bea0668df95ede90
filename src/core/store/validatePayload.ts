import { Validator, type OutputUnit } from '@cfworker/json-schema'
import { AgentError } from '../protocol/AgentError'

const validators = new WeakMap<object, Validator>()

function describe(errors: readonly OutputUnit[]): string {
  // The deepest, most specific units first; keep the message short.
  const leaves = errors.filter((e) => e.keyword !== 'properties' && e.keyword !== '$ref')
  const picked = (leaves.length ? leaves : errors).slice(0, 5)
  return picked.map((e) => `${e.instanceLocation.replace(/^#/, '') || '/'}: ${e.error}`).join('; ')
}

/**
 * Validates an interrupt answer against its `responseSchema` (JSON Schema, draft 2020-12) with
 * `@cfworker/json-schema`, which compiles nothing (CSP-safe, no `eval`). Validators are cached
 * per schema object. Returns `AgentError('invalid_payload')` listing the failures, or
 * `undefined` when valid or when there is no schema. A schema the validator cannot read
 * is reported as `invalid_payload` too.
 */
export function validatePayload(
  interruptId: string,
  schema: Record<string, unknown> | undefined,
  payload: unknown,
): AgentError | undefined {
  if (schema === undefined) return undefined
  try {
    let validator = validators.get(schema)
    if (!validator) {
      validator = new Validator(schema as never, '2020-12', false)
      validators.set(schema, validator)
    }
    const result = validator.validate(payload)
    if (result.valid) return undefined
    return new AgentError(
      'invalid_payload',
      `The answer to interrupt '${interruptId}' does not match its responseSchema: ${describe(result.errors)}`,
    )
  } catch (cause) {
    return new AgentError(
      'invalid_payload',
      `The responseSchema of interrupt '${interruptId}' could not be applied: ${(cause as Error).message}`,
      { cause },
    )
  }
}
