import { describe, expect, it, vi } from 'vitest'
import {
  createLocalStoragePolicyStore,
  createMemoryPolicyStore,
  type PolicyStorage,
} from '../../../src/core/store'

function fakeStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial))
  const storage: PolicyStorage & { data: Map<string, string> } = {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  }
  return storage
}

describe('createMemoryPolicyStore', () => {
  it('allows, revokes, lists sorted and notifies on changes only', () => {
    const store = createMemoryPolicyStore(['b'])
    const listener = vi.fn()
    store.subscribe?.(listener)
    expect(store.isAllowed('b')).toBe(true)
    store.allow('a')
    store.allow('a') // no change, no notification
    expect(store.list()).toEqual(['a', 'b'])
    store.revoke('b')
    store.revoke('zzz')
    expect(store.isAllowed('b')).toBe(false)
    expect(listener).toHaveBeenCalledTimes(2)
  })
})

describe('createLocalStoragePolicyStore', () => {
  it('persists under the key as a JSON array and reads it back in a new store', () => {
    const storage = fakeStorage()
    const first = createLocalStoragePolicyStore('k', storage)
    first.allow('delete_file')
    first.allow('send_mail')
    expect(storage.data.get('k')).toBe('["delete_file","send_mail"]')
    first.revoke('send_mail')
    const second = createLocalStoragePolicyStore('k', storage)
    expect(second.list()).toEqual(['delete_file'])
    expect(second.isAllowed('delete_file')).toBe(true)
  })

  it('uses the default key and reads a corrupt entry as empty', () => {
    const storage = fakeStorage({ 'awr:approval-policy': '{not json' })
    const store = createLocalStoragePolicyStore(undefined, storage)
    expect(store.list()).toEqual([])
    store.allow('x')
    expect(JSON.parse(storage.data.get('awr:approval-policy')!)).toEqual(['x'])
  })

  it('keeps working in memory when the storage throws on write', () => {
    const storage = fakeStorage()
    storage.setItem = () => {
      throw new Error('QuotaExceededError')
    }
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    const store = createLocalStoragePolicyStore('k', storage)
    store.allow('x')
    expect(store.isAllowed('x')).toBe(true)
    expect(error).toHaveBeenCalledOnce()
    error.mockRestore()
  })

  it('works without any storage (SSR)', () => {
    const store = createLocalStoragePolicyStore('k', undefined)
    store.allow('x')
    expect(store.list()).toEqual(['x'])
  })
})
