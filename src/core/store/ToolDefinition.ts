/**
 * The part of the Standard Schema interface (standardschema.dev, v1) the kit uses: any zod 4
 * schema (classic or mini), valibot, arktype, ... `validate` may return a Promise for schemas
 * with asynchronous refinements.
 */
export interface StandardSchemaLike<Output = unknown> {
  readonly '~standard': {
    readonly version: 1
    readonly vendor: string
    readonly validate: (
      value: unknown,
    ) => StandardSchemaResult<Output> | Promise<StandardSchemaResult<Output>>
    readonly types?: { readonly input: unknown; readonly output: Output } | undefined
  }
}

/** The result of a Standard Schema `validate`: `value` on success, `issues` on failure. */
export type StandardSchemaResult<Output> =
  | { readonly value: Output; readonly issues?: undefined }
  | {
      readonly issues: ReadonlyArray<{
        readonly message: string
        readonly path?: ReadonlyArray<PropertyKey | { readonly key: PropertyKey }> | undefined
      }>
    }

/** What a frontend tool's handler receives besides its arguments. */
export interface ToolHandlerContext {
  /** Aborted when the handler times out (`tool_timeout`), the user moves on, or the store is destroyed. */
  signal: AbortSignal
  /** `toolCallId` of the call being executed. */
  toolCallId: string
}

/**
 * A tool the app registers with `store.registerTool` (or `useFrontendTool` / `useBackendTool`).
 *
 * - **Frontend tool** (`handler` set): sent to the agent in `RunAgentInput.tools` (its
 *   `parameters` converted to JSON Schema by the schema itself through Standard JSON Schema —
 *   zod 4 classic, ArkType — or, for zod/mini, by zod's `toJSONSchema`, loaded on first use;
 *   other schemas are sent as an open object); when a run ends with
 *   a call of it unanswered, the kit validates the arguments, runs `handler`, appends the tool
 *   message (`JSON.stringify(result)`, a string as is) and starts one follow-up run.
 * - **Backend tool** (no `handler`): the agent runs it; the app names it to require approval
 *   or to render it. Never sent in `tools`.
 */
export interface ToolDefinition<Args = unknown> {
  /** The tool's name, as in `TOOL_CALL_START.toolCallName`. */
  name: string
  /** What the tool does, for the model (`Tool.description`). Default: `''`. */
  description?: string
  /**
   * Schema of the arguments: a zod schema (classic or mini) or any Standard Schema. Arguments
   * are validated with `~standard.validate` before the handler runs and when edited.
   * Sent as JSON Schema (zod schemas only; others are sent as `{ type: 'object' }`).
   */
  parameters?: StandardSchemaLike<Args>
  /**
   * Runs the tool in the browser. May be sync or async; receives the validated arguments.
   * Its return value is the result sent back; a throw becomes an error result (`tool_failed`).
   */
  handler?: (args: Args, context: ToolHandlerContext) => unknown
  /**
   * Whether a person must approve each call, or a predicate on the parsed arguments. With
   * `true` the approval exists from `TOOL_CALL_START` (`awaiting_args`); a predicate is asked
   * once the arguments are complete (arguments that are not JSON, or a throwing predicate,
   * count as "needs approval"). Default `false`.
   */
  requiresApproval?: boolean | ((args: Args) => boolean)
  /** Handler timeout in ms; past it the signal aborts and the result is `tool_timeout`. Default 30 000. */
  timeoutMs?: number
  /** Start the follow-up run after this tool's result. Default `true`. */
  followUp?: boolean
}

/** Default {@link ToolDefinition.timeoutMs}: 30 000 ms. */
export const DEFAULT_TOOL_TIMEOUT_MS = 30_000
