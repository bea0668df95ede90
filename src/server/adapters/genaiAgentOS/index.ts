/** Filled by the genaiAgentOS adapter's server pieces (issue 8). */
export {}
