// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createLocalStoragePolicyStore } from '../../../src/core/store'

afterEach(() => {
  vi.restoreAllMocks()
  localStorage.clear()
})

/** What another tab does: write the entry, then the browser fires `storage` here. */
function otherTabWrites(key: string, value: string) {
  localStorage.setItem(key, value)
  window.dispatchEvent(new StorageEvent('storage', { key, newValue: value }))
}

describe('createLocalStoragePolicyStore in a browser', () => {
  it('listens to other tabs only while subscribed, and removes its window listener with the last subscriber', () => {
    const add = vi.spyOn(window, 'addEventListener')
    const remove = vi.spyOn(window, 'removeEventListener')
    const store = createLocalStoragePolicyStore('k')
    expect(add).not.toHaveBeenCalled()
    const seen: string[][] = []
    const stopA = store.subscribe!(() => seen.push(store.list()))
    const stopB = store.subscribe!(() => {})
    expect(add.mock.calls.filter(([type]) => type === 'storage')).toHaveLength(1)
    otherTabWrites('k', '["send_mail"]')
    expect(seen).toEqual([['send_mail']])
    otherTabWrites('other-key', '["x"]')
    expect(seen).toHaveLength(1)
    stopA()
    expect(remove).not.toHaveBeenCalled()
    stopB()
    stopB() // idempotent
    const removed = remove.mock.calls.filter(([type]) => type === 'storage')
    expect(removed).toHaveLength(1)
    expect(removed[0]![1]).toBe(add.mock.calls.find(([type]) => type === 'storage')![1])
    otherTabWrites('k', '["delete_file"]')
    expect(seen).toHaveLength(1) // nobody listens any more
  })

  it('without subscribers, a read catches up with what another tab wrote', () => {
    const store = createLocalStoragePolicyStore('k')
    store.allow('a')
    localStorage.setItem('k', '["b"]')
    expect(store.isAllowed('a')).toBe(false)
    expect(store.list()).toEqual(['b'])
  })

  it('a subscriber added after another tab wrote starts from the stored value', () => {
    const store = createLocalStoragePolicyStore('k')
    localStorage.setItem('k', '["c"]')
    store.subscribe!(() => {})
    expect(store.list()).toEqual(['c'])
  })
})
