import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { createEventIndex } from '../../src/components/createEventIndex'
import { toEventLogEntries } from '../../src/core/status'

const TYPES = ['RUN_STARTED', 'TEXT_MESSAGE_CONTENT', 'STATE_DELTA', 'TOOL_CALL_START']
const isDelta = (e: unknown) => (e as { type?: string } | null)?.type === 'STATE_DELTA'

describe('createEventIndex', () => {
  it('over a log growing batch by batch, types and rows equal a full scan', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...TYPES, null), { maxLength: 80 }),
        fc.array(fc.nat(80), { maxLength: 6 }),
        fc.boolean(),
        (types, cuts, deltasOnly) => {
          const entries = toEventLogEntries(types.map((type) => (type ? { type } : null)))
          const index = createEventIndex()
          const match = deltasOnly ? isDelta : () => true
          const points = [...new Set(cuts.map((n) => n % (entries.length + 1))), entries.length]
          for (const n of points.sort((a, b) => a - b)) {
            const log = entries.slice(0, n) // a new array per publication, shared entries
            const expected = [...new Set(log.map((e) => String((e.event as any)?.type)))].sort()
            expect(index.types(log)).toEqual(expected)
            expect(index.visible(log, String(deltasOnly), match)).toEqual(
              log.flatMap((e, i) => (match(e.event) ? [i] : [])),
            )
          }
        },
      ),
      { numRuns: 300 },
    )
  })

  it('keeps arrays while nothing changes; a new filter or another log starts over', () => {
    const events = [{ type: 'RUN_STARTED' }, { type: 'STATE_DELTA' }, { type: 'STATE_DELTA' }]
    const entries = toEventLogEntries(events)
    const index = createEventIndex()
    const types = index.types(entries.slice(0, 2))
    expect(index.types(entries)).toBe(types) // no new type: same array
    const rows = index.visible(entries.slice(0, 2), 'delta', isDelta)
    expect(rows).toEqual([1])
    const more = index.visible(entries, 'delta', isDelta)
    expect(more).toEqual([1, 2])
    expect(rows).toEqual([1]) // the earlier result did not change
    expect(index.visible(entries, 'all', () => true)).toEqual([0, 1, 2])
    const other = toEventLogEntries([{ type: 'STATE_DELTA' }])
    expect(index.visible(other, 'all', () => true)).toEqual([0])
    expect(index.types(other)).toEqual(['STATE_DELTA'])
  })
})
