/** Filled by the uagents adapter's server pieces (issue 8). */
export {}
