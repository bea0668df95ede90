/**
 * `agent-wire-react`: the React entry point — provider, hooks and styled components
 * (design.md, "Public entry points"). The framework-agnostic client is `agent-wire-react/core`.
 */
export * from './react'
export * from './components'
