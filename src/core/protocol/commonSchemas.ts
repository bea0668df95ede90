/**
 * Building blocks shared by the message and event schemas: metadata, content parts, JSON
 * Patch operations, interrupts, outcomes and token usage (spec 1.1, "Types").
 *
 * Written with `zod/mini` (no `new Function`, so a strict Content-Security-Policy without
 * `unsafe-eval` works, and tree-shakable). Every schema's output type is checked against the
 * matching `@ag-ui/core` type at compile time in `schemaTypeChecks.ts`.
 *
 * Conventions the parser's strip stage relies on (see `stripUnknown.ts`):
 * - `z.object` = a described object: undescribed members are stripped with a warning.
 * - `z.looseObject` = an object the spec leaves open (JSON Patch operations): members kept.
 * - `z.custom` / `z.any` = opaque values (metadata, state, `rawEvent`, ...): never walked.
 */
import * as z from 'zod/mini'
import { isPlainObject } from './isPlainObject'

export { isPlainObject }

/** Any JSON object, opaque (never walked or stripped): `Metadata`, activity `content`, ... */
export const OpenObjectSchema = z.custom<Record<string, any>>(isPlainObject, 'expected an object')

/** `Metadata`: open by key, any JSON value under a key (null included), never null itself. */
export const MetadataSchema = OpenObjectSchema

/** Any JSON value except `null` (for optional opaque fields the spec says are never null). */
export const NonNullAnySchema = z.custom<any>((value) => value !== null, 'must not be null')

/** Any JSON value, including `null`, but present (`STATE_SNAPSHOT.snapshot`, `CUSTOM.value`). */
export const PresentAnySchema = z.custom<any>((value) => value !== undefined, 'is required')

/** `SubagentRunId`: an opaque handle for one subagent invocation. */
export const SubagentRunIdSchema = z.string()

/** RFC 6901 JSON Pointer (`""`, `/a/b`, `~0`/`~1` escapes). */
export const JsonPointerSchema = z.string().check(z.regex(/^(\/([^/~]|~[01])*)*$/))

const patchValue = PresentAnySchema

/** RFC 6902 operations. Open objects: a leftover member (e.g. `value` on `remove`) is kept. */
export const JsonPatchOperationSchema = z.discriminatedUnion('op', [
  z.looseObject({ op: z.literal('add'), path: JsonPointerSchema, value: patchValue }),
  z.looseObject({ op: z.literal('remove'), path: JsonPointerSchema }),
  z.looseObject({ op: z.literal('replace'), path: JsonPointerSchema, value: patchValue }),
  z.looseObject({ op: z.literal('move'), from: JsonPointerSchema, path: JsonPointerSchema }),
  z.looseObject({ op: z.literal('copy'), from: JsonPointerSchema, path: JsonPointerSchema }),
  z.looseObject({ op: z.literal('test'), path: JsonPointerSchema, value: patchValue }),
])

/** A JSON Patch document; an operation with an `op` RFC 6902 does not define is dropped. */
export const JsonPatchSchema = z.array(JsonPatchOperationSchema)

/** Part sources: inline `data`, a `url`, or a provider-held `file` handle. */
export const PartSourceSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('data'), value: z.string(), mimeType: z.string() }),
  z.object({ type: z.literal('url'), value: z.string(), mimeType: z.optional(z.string()) }),
  z.object({
    type: z.literal('file'),
    value: z.string(),
    provider: z.optional(z.string()),
    mimeType: z.optional(z.string()),
  }),
])

/** `TextPart`. */
export const TextPartSchema = z.object({
  type: z.literal('text'),
  id: z.optional(z.string()),
  text: z.string(),
  metadata: z.optional(NonNullAnySchema),
})

function mediaPart<T extends 'image' | 'audio' | 'video' | 'document'>(type: T) {
  return z.object({
    type: z.literal(type),
    id: z.optional(z.string()),
    source: PartSourceSchema,
    metadata: z.optional(NonNullAnySchema),
  })
}

/** `ImagePart`. */
export const ImagePartSchema = mediaPart('image')
/** `AudioPart`. */
export const AudioPartSchema = mediaPart('audio')
/** `VideoPart`. */
export const VideoPartSchema = mediaPart('video')
/** `DocumentPart`. */
export const DocumentPartSchema = mediaPart('document')

/** `ContentPart`; a part of a kind this kit does not know is dropped from its list. */
export const ContentPartSchema = z.discriminatedUnion('type', [
  TextPartSchema,
  ImagePartSchema,
  AudioPartSchema,
  VideoPartSchema,
  DocumentPartSchema,
])

/** `string | ContentPart[]` (user and tool message content, `TOOL_CALL_RESULT.content`). */
export const ContentSchema = z.union([z.string(), z.array(ContentPartSchema)])

/** `Interrupt` (spec 1.1, "Interrupts"). */
export const InterruptSchema = z.object({
  subagentRunId: z.optional(SubagentRunIdSchema),
  id: z.string(),
  reason: z.string(),
  message: z.optional(z.string()),
  toolCallId: z.optional(z.string()),
  responseSchema: z.optional(OpenObjectSchema),
  expiresAt: z.optional(z.string()),
  metadata: z.optional(MetadataSchema),
})

/** `RunFinishedOutcome`: `success` | `interrupt` (at least one interrupt) | `cancelled`. */
export const RunFinishedOutcomeSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('success'), pendingToolCallIds: z.optional(z.array(z.string())) }),
  z.object({
    type: z.literal('interrupt'),
    interrupts: z.array(InterruptSchema).check(z.minLength(1)),
  }),
  z.object({ type: z.literal('cancelled') }),
])

/** `SubagentFinishedOutcome`: `success` | `suspended`. */
export const SubagentFinishedOutcomeSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('success') }),
  z.object({ type: z.literal('suspended'), interruptIds: z.optional(z.array(z.string())) }),
])

const count = z.optional(z.int().check(z.minimum(0)))

/** `TokenUsage`: counts are non-negative integers (tokens). */
export const TokenUsageSchema = z.object({
  provider: z.optional(z.string()),
  model: z.optional(z.string()),
  inputTokens: count,
  outputTokens: count,
  totalTokens: count,
  reasoningTokens: count,
  cachedInputTokens: count,
  cacheWriteInputTokens: count,
})
