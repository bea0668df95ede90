/** Filled by the genaiAgentOS adapter (issue 8). */
export {}
