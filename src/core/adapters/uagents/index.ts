/** Filled by the uagents adapter (issue 8). */
export {}
