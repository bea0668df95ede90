/**
 * `agent-wire-react`: the React entry point — provider, hooks, headless primitives and styled components
 * (design.md, "Public entry points"). The framework-agnostic client is `agent-wire-react/core`.
 */
export * from './react'
export * from './primitives'
export * from './components'
