/** Filled by the protolink adapter's server pieces (issue 8). */
export {}
