/** Filled by the agentConnect adapter (issue 8). */
export {}
