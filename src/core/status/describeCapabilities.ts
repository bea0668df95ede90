import type { CapabilityChip } from './AgentStatus'

/** `parallelCalls` → `parallel calls`, `httpBinary` → `http binary`. */
function words(key: string): string {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .toLowerCase()
}

/**
 * Lists what `capabilities` declares as chips: AG-UI `AgentCapabilities` (nested groups:
 * `transport.streaming`, `tools.parallelCalls`, `tools.items` when non-empty, ...) or flat
 * A2A-style booleans (`streaming`). Only `true` and non-empty lists count; `identity` and
 * `custom` are not capabilities and are skipped. Anything else (not an object) lists nothing.
 */
export function describeCapabilities(capabilities: unknown): CapabilityChip[] {
  const chips: CapabilityChip[] = []
  if (typeof capabilities !== 'object' || capabilities === null) return chips
  const visit = (value: unknown, path: string[]) => {
    const key = path.join('.')
    const last = path[path.length - 1]
    if (value === true) chips.push({ key, label: words(last) })
    else if (Array.isArray(value)) {
      if (value.length > 0) chips.push({ key, label: `${words(path[0])}: ${value.length}` })
    } else if (typeof value === 'object' && value !== null && path.length < 3) {
      for (const [k, v] of Object.entries(value)) {
        if (path.length === 0 && (k === 'identity' || k === 'custom')) continue
        visit(v, [...path, k])
      }
    }
  }
  visit(capabilities, [])
  return chips
}
