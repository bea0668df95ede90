/**
 * Where "always allow this tool" decisions live. A tool the store allows is approved
 * automatically (`ApprovalDecision.by = 'policy'`). Pluggable: the kit ships an in-memory
 * store (`createMemoryPolicyStore`, the default) and a `localStorage` one
 * (`createLocalStoragePolicyStore`); implement this interface to keep them on a server.
 */
export interface ApprovalPolicyStore {
  /** Whether calls of `toolName` are approved without asking. */
  isAllowed(toolName: string): boolean
  /** Always allow `toolName` from now on. */
  allow(toolName: string): void
  /** Ask again for `toolName`. */
  revoke(toolName: string): void
  /** The allowed tool names, sorted. */
  list(): string[]
  /** Optional: called after each change; returns the function that unsubscribes. */
  subscribe?(listener: () => void): () => void
}
