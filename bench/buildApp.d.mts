import type { Rolldown } from 'vite'

/** The entry module's source of each app the budgets measure: core, hooks, chat, agui. */
export const APP_SOURCES: Record<string, string>

/** An app's build: its chunks by file name, and the names of those in the initial load. */
export interface AppBuild {
  chunks: Map<string, Rolldown.OutputChunk>
  initial: Set<string>
}

/** Builds the app whose entry module is `file` as the bundle budgets measure it. */
export function buildApp(file: string): Promise<AppBuild>
