import { createChunkLoader } from '../core/protocol/createChunkLoader'
import { preloadStoreHumanInTheLoop } from '../core/store/preloadStoreHumanInTheLoop'
import type { HumanInTheLoopCards } from './humanInTheLoopCards'

export type { HumanInTheLoopCards } from './humanInTheLoopCards'

const chunk = createChunkLoader(
  () => import('./humanInTheLoopCards').then((module) => module.humanInTheLoopCards),
  'The approval and input cards',
)

/**
 * Loads the human-in-the-loop cards' chunk once (`ToolApprovalCard`, `InterruptPrompt`, their
 * primitives and the form generated from JSON Schema). Resolves with them; rejects with
 * `AgentError('load_failed')` (retryable) when the chunk cannot be loaded, and the next call
 * tries again.
 * @internal Use {@link preloadHumanInTheLoop}; `<Chat />` uses this through its loader.
 */
export const loadHumanInTheLoop: () => Promise<HumanInTheLoopCards> = chunk.load

/**
 * The human-in-the-loop cards if their chunk is loaded, else `undefined` (nothing started).
 * @internal
 */
export const loadedHumanInTheLoop: () => HumanInTheLoopCards | undefined = chunk.loaded

/**
 * Starts loading the code `<Chat />` needs for human in the loop — the approval card, the
 * interrupt prompt and the form generated from a JSON Schema (~11 kB gzipped, its own chunk) —
 * if it is not loaded yet; resolves once it is. Most chats never show one, so `<Chat />` leaves
 * it out of its first load and starts loading it as soon as the thread may need it: on the first
 * `TOOL_CALL_START` / `TOOL_CALL_CHUNK`, on a `RUN_STARTED` whose `input.tools` is not empty, or
 * when the thread holds an approval or an interrupt (a restored thread too). Until it is in, a
 * card shows an accessible placeholder (`role="status"`, `labels.hitlLoading`).
 *
 * It starts the agent store's human-in-the-loop layer too (`preloadStoreHumanInTheLoop`, which
 * the store loads by itself on first need), so a run that announced tools does not wait for it.
 *
 * Call it earlier to have the cards render at once (e.g. when an app registers a tool that needs
 * approval, before a test, or before a server render). Never rejects: a failed load is logged
 * and the next call (or the card's Retry button) tries again; approvals and interrupts stay
 * pending in the store meanwhile. Apps that import `ToolApprovalCard`, `InterruptPrompt` or the
 * `ToolApproval` / `Interrupt` / `SchemaForm` primitives directly get them statically.
 */
export function preloadHumanInTheLoop(): Promise<void> {
  return Promise.all([chunk.preload(), preloadStoreHumanInTheLoop()]).then(() => undefined)
}
