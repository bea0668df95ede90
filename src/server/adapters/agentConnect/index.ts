/** Filled by the agentConnect adapter's server pieces (issue 8). */
export {}
