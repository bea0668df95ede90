/** Filled by the protolink adapter (issue 8). */
export {}
