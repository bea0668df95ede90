/**
 * zod's own JSON Schema conversion (`toJSONSchema`, ~9 kB gzipped), in a chunk of its own: the
 * kit loads it with `import()` only for a zod schema that cannot convert itself (zod/mini; zod
 * classic schemas carry the conversion already). See `loadZodJsonSchema`.
 * @internal
 */
export { toJSONSchema } from 'zod/v4/core'
