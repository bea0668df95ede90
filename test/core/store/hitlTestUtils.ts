import type { AgentSnapshot } from '../../../src/core/reducer/AgentSnapshot'
import type { AgentStore } from '../../../src/core/store'

/**
 * Resolves with the published snapshot once `predicate` holds (checked now and after every
 * publication). Rejects after `limitMs` with the last snapshot's run status, so a broken flow
 * fails with a message instead of hanging the suite; not a timing assertion.
 */
export function until(
  store: AgentStore,
  predicate: (snapshot: AgentSnapshot) => boolean,
  limitMs = 5_000,
): Promise<AgentSnapshot> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const s = store.getSnapshot()
      if (!predicate(s)) return false
      cleanup()
      resolve(s)
      return true
    }
    const timer = setTimeout(() => {
      cleanup()
      const s = store.getSnapshot()
      reject(
        new Error(
          `until(): condition not met; run ${s.run.status}, approvals ` +
            JSON.stringify(Object.values(s.approvals).map((a) => [a.toolCallId, a.state])) +
            `, interrupts ${JSON.stringify(s.interrupts.map((i) => [i.id, i.state]))}`,
        ),
      )
    }, limitMs)
    const unsubscribe = store.subscribe(check)
    const cleanup = () => {
      clearTimeout(timer)
      unsubscribe()
    }
    check()
  })
}

/** The store is idle: no run running and no follow-up pending in this tick. */
export async function settled(store: AgentStore): Promise<AgentSnapshot> {
  for (let i = 0; i < 20; i++) await Promise.resolve()
  await new Promise((r) => setTimeout(r, 0))
  return until(store, (s) => s.run.status !== 'running')
}
