import type { ApprovalPolicyStore } from './ApprovalPolicyStore'
import { createListenerSet } from './createListenerSet'

/** Default key of {@link createLocalStoragePolicyStore}. */
export const DEFAULT_POLICY_STORAGE_KEY = 'awr:approval-policy'

/** The part of the Web Storage API the policy store uses. */
export type PolicyStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>

function getRaw(storage: PolicyStorage | undefined, key: string): string | null {
  try {
    return storage?.getItem(key) ?? null
  } catch {
    return null
  }
}

function parse(raw: string | null): Set<string> {
  try {
    const parsed: unknown = JSON.parse(raw ?? '[]')
    return new Set(Array.isArray(parsed) ? parsed.filter((n) => typeof n === 'string') : [])
  } catch {
    return new Set() // corrupt entry: start empty rather than fail
  }
}

/**
 * An {@link ApprovalPolicyStore} persisted in `localStorage` under `key`, as a JSON array of
 * tool names; it follows changes made in other tabs: through `storage` events while it has
 * subscribers (the `window` listener is removed with the last one), by re-reading the entry on
 * each read otherwise.
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
  let raw = getRaw(storage, key)
  let allowed = parse(raw)
  /** Re-reads the entry when another tab (or anyone) changed it since it was last read or written. */
  const catchUp = () => {
    if (!storage) return allowed
    const now = getRaw(storage, key)
    if (now !== raw) {
      raw = now
      allowed = parse(now)
    }
    return allowed
  }
  const listeners = createListenerSet<[]>('policyStore')
  const write = () => {
    try {
      const next = JSON.stringify([...allowed].sort())
      storage?.setItem(key, next)
      raw = next
    } catch (error) {
      console.error('[agent-wire-react] policy store could not write localStorage:', error)
    }
    listeners.emit()
  }
  const onStorage = (event: StorageEvent) => {
    if (event.key !== key && event.key !== null) return // null: storage.clear()
    catchUp()
    listeners.emit()
  }
  const canListen = typeof window !== 'undefined' && typeof window.addEventListener === 'function'
  /** Without subscribers nothing listens to other tabs, so reads catch up from storage. */
  const current = () => (listeners.size > 0 ? allowed : catchUp())
  return {
    isAllowed: (toolName) => current().has(toolName),
    allow(toolName) {
      if (current().has(toolName)) return
      allowed = new Set(allowed).add(toolName)
      write()
    },
    revoke(toolName) {
      if (!current().has(toolName)) return
      allowed = new Set(allowed)
      allowed.delete(toolName)
      write()
    },
    list: () => [...current()].sort(),
    subscribe(listener) {
      if (listeners.size === 0) {
        catchUp()
        if (canListen) window.addEventListener('storage', onStorage)
      }
      const remove = listeners.add(listener)
      return () => {
        const before = listeners.size
        remove()
        if (before > 0 && listeners.size === 0 && canListen) {
          window.removeEventListener('storage', onStorage)
        }
      }
    },
  }
}

function defaultStorage(): PolicyStorage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage
  } catch {
    return undefined
  }
}
