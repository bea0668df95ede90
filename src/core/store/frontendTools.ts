import { runTool } from './runTool'
import { jsonSchemaPending, mergeTools } from './toJsonSchema'

/**
 * The store's frontend-tool code, loaded on first use in its own chunk (see
 * `preloadFrontendTools`): running a tool's handler (`runTool`) and the tools' JSON Schemas for
 * `RunAgentInput.tools` (`mergeTools`, `jsonSchemaPending`).
 * @internal
 */
export const frontendTools = { runTool, mergeTools, jsonSchemaPending }

/** What the frontend-tools chunk holds. @internal */
export type FrontendTools = typeof frontendTools
