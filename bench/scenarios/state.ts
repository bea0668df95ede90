/**
 * State: 1,000 small `STATE_DELTA` patches on a 1 MB state, ≤ 50 µs each, untouched subtrees
 * keeping their identity (issue 7). Ours: `applyEvent` (the reducer's path-copying patch).
 * Compared with fast-json-patch's non-mutating `applyPatch(doc, patch, true, false)`, exactly
 * how `@ag-ui/client` applies a `STATE_DELTA` (it clones the whole document).
 */
import jsonpatch from 'fast-json-patch'
import { applyEvent, createSnapshot, type AgentSnapshot } from '../../src/core'
import { bigState, stateDeltas } from '../fixtures'
import { TARGETS } from '../budgets'
import { fastest, median, timeSync, type BenchRow } from '../measure'

/** Options of {@link oursStateCost}. */
export interface StateOptions {
  /** State size, bytes of JSON. Default 1 MB. */
  bytes?: number
  /** Patches applied. Default 1,000. */
  patches?: number
  rounds?: number
  pick?: 'median' | 'fastest'
}

const states = new Map<number, Record<string, unknown>>()
const stateOf = (bytes: number) => {
  let s = states.get(bytes)
  if (!s) states.set(bytes, (s = bigState(bytes)))
  return s
}

/**
 * Our cost per patch (µs), and whether every user the patches did not touch (and `settings`)
 * is the very same object afterwards.
 */
export function oursStateCost({
  bytes = 1e6,
  patches = 1000,
  rounds = 15,
  pick = 'median',
}: StateOptions = {}) {
  const state = stateOf(bytes)
  const { patches: deltas, touched } = stateDeltas(state, patches)
  const events = deltas.map((delta) => ({ type: 'STATE_DELTA', delta }) as never)
  let final: AgentSnapshot | undefined
  const times = timeSync(
    () => createSnapshot({ state }),
    (s) => {
      for (const e of events) s = applyEvent(s, e)
      final = s
    },
    { rounds, warmup: 3 },
  )
  const after = final!.state as typeof state
  if (final!.diagnostics.length) throw new Error(`bench: ${final!.diagnostics[0].message}`)
  const before = state.users as unknown[]
  const users = after.users as unknown[]
  const shared =
    after.settings === state.settings &&
    before.every((u, i) => touched.has(i) || users[i] === u) &&
    [...touched].every((i) => users[i] !== before[i])
  // the same patches applied by fast-json-patch, mutating one deep copy
  const expected = deltas.reduce<unknown>(
    (doc, patch) => jsonpatch.applyPatch(doc, patch as never, true, true).newDocument,
    jsonpatch.deepClone(state),
  )
  if (JSON.stringify(expected) !== JSON.stringify(after))
    throw new Error('bench: our state differs from fast-json-patch')
  return { us: ((pick === 'median' ? median(times) : fastest(times)) * 1000) / patches, shared }
}

/** fast-json-patch's non-mutating apply, cost per patch (µs), over `patches` patches. */
export function fastJsonPatchCost({ bytes = 1e6, patches = 50, rounds = 3 }: StateOptions = {}) {
  const state = stateOf(bytes)
  const { patches: deltas } = stateDeltas(state, patches)
  const times = timeSync(
    () => state as unknown,
    (doc) => {
      for (const p of deltas) doc = jsonpatch.applyPatch(doc, p as never, true, false).newDocument
    },
    { rounds, warmup: 1 },
  )
  return (median(times) * 1000) / patches
}

/** The state row of the table. */
export async function stateRows(): Promise<BenchRow[]> {
  const ours = oursStateCost()
  const theirs = fastJsonPatchCost()
  return [
    {
      scenario: `State: 1,000 small STATE_DELTA on a 1 MB state (vs fast-json-patch non-mutating, as @ag-ui/client applies it); untouched subtrees shared: ${ours.shared ? 'yes' : 'NO'}`,
      ours: ours.us,
      agui: theirs,
      unit: 'µs/patch',
      ratio: theirs / ours.us,
      target: `≤ ${TARGETS.statePatchUs} µs, identity kept (ratio: times faster)`,
      pass: ours.us <= TARGETS.statePatchUs && ours.shared,
    },
  ]
}
