import { Validator, type OutputUnit } from '@cfworker/json-schema'

/** The outcome of validating one value: `undefined` when valid, else a short description. */
export type SchemaCheck = (value: unknown) => string | undefined

function describe(errors: readonly OutputUnit[]): string {
  // The deepest, most specific units first; keep the message short.
  const leaves = errors.filter((e) => e.keyword !== 'properties' && e.keyword !== '$ref')
  const picked = (leaves.length ? leaves : errors).slice(0, 5)
  return picked.map((e) => `${e.instanceLocation.replace(/^#/, '') || '/'}: ${e.error}`).join('; ')
}

/**
 * Compiles a JSON Schema (draft 2020-12) into a check with `@cfworker/json-schema`, which
 * compiles nothing (CSP-safe, no `eval`). The kit loads this module on first use (`import()`,
 * see `loadPayloadValidator`), so apps without interrupt schemas never download it (~10 kB).
 * @throws Error when the validator cannot read the schema.
 * @internal
 */
export function createSchemaValidator(schema: Record<string, unknown>): SchemaCheck {
  const validator = new Validator(schema as never, '2020-12', false)
  return (value) => {
    const result = validator.validate(value)
    return result.valid ? undefined : describe(result.errors)
  }
}
