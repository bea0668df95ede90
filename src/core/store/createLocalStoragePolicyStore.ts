import type { ApprovalPolicyStore } from './ApprovalPolicyStore'
import { createListenerSet } from './createListenerSet'

/** Default key of {@link createLocalStoragePolicyStore}. */
export const DEFAULT_POLICY_STORAGE_KEY = 'awr:approval-policy'

/** The part of the Web Storage API the policy store uses. */
export type PolicyStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>

function read(storage: PolicyStorage | undefined, key: string): Set<string> {
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(key) ?? '[]')
    return new Set(Array.isArray(parsed) ? parsed.filter((n) => typeof n === 'string') : [])
  } catch {
    return new Set() // corrupt entry: start empty rather than fail
  }
}

/**
 * An {@link ApprovalPolicyStore} persisted in `localStorage` under `key`, as a JSON array of
 * tool names; it follows changes made in other tabs (`storage` events).
 *
 * Without `localStorage` (SSR, privacy mode throwing on access) it behaves like the memory
 * store. A corrupt entry reads as empty; write failures (quota) keep the in-memory value.
 *
 * @param key - Storage key. Default `'awr:approval-policy'`.
 * @param storage - The storage to use. Default `globalThis.localStorage` (tests pass a fake).
 */
export function createLocalStoragePolicyStore(
  key: string = DEFAULT_POLICY_STORAGE_KEY,
  storage: PolicyStorage | undefined = defaultStorage(),
): ApprovalPolicyStore {
  let allowed = read(storage, key)
  const listeners = createListenerSet<[]>('policyStore')
  const write = () => {
    try {
      storage?.setItem(key, JSON.stringify([...allowed].sort()))
    } catch (error) {
      console.error('[agent-wire-react] policy store could not write localStorage:', error)
    }
    listeners.emit()
  }
  if (typeof window !== 'undefined' && typeof window.addEventListener === 'function') {
    window.addEventListener('storage', (event) => {
      if (event.key !== key) return
      allowed = read(storage, key)
      listeners.emit()
    })
  }
  return {
    isAllowed: (toolName) => allowed.has(toolName),
    allow(toolName) {
      if (allowed.has(toolName)) return
      allowed = new Set(allowed).add(toolName)
      write()
    },
    revoke(toolName) {
      if (!allowed.has(toolName)) return
      allowed = new Set(allowed)
      allowed.delete(toolName)
      write()
    },
    list: () => [...allowed].sort(),
    subscribe: (listener) => listeners.add(listener),
  }
}

function defaultStorage(): PolicyStorage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage
  } catch {
    return undefined
  }
}
