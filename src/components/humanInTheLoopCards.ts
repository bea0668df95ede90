/**
 * The human-in-the-loop cards `<Chat />` loads on first use, as one chunk (see
 * `preloadHumanInTheLoop`): the approval card and the interrupt prompt with their primitives,
 * the generated form and the countdown. Only imported with `import()`; the components barrel
 * exports the same components statically for apps that use them directly.
 * @internal
 */
import { InterruptPrompt } from './InterruptPrompt'
import { ToolApprovalCard } from './ToolApprovalCard'

/** The components of the chunk. */
export interface HumanInTheLoopCards {
  ToolApprovalCard: typeof ToolApprovalCard
  InterruptPrompt: typeof InterruptPrompt
}

/** The chunk's components. */
export const humanInTheLoopCards: HumanInTheLoopCards = { ToolApprovalCard, InterruptPrompt }
