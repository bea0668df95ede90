import { describe, expect, it } from 'vitest'
import { createEventIdTracker } from '../../../src/core/transport/createEventIdTracker'

describe('createEventIdTracker', () => {
  it('accepts increasing ids (numbers or decimal strings) and remembers the last', () => {
    const ids = createEventIdTracker()
    expect(ids.check(1, 'RUN_STARTED')).toEqual({ action: 'accept', id: 1 })
    expect(ids.check('2', 'TEXT_MESSAGE_START')).toEqual({ action: 'accept', id: 2 })
    expect(ids.lastId).toBe(2)
  })

  it('drops an id that is not above the last, with a warning naming the event', () => {
    const ids = createEventIdTracker(5)
    const verdict = ids.check(5, 'TEXT_MESSAGE_CONTENT')
    expect(verdict).toMatchObject({
      action: 'drop',
      diagnostic: {
        level: 'warning',
        code: 'duplicate_event_dropped',
        eventType: 'TEXT_MESSAGE_CONTENT',
      },
    })
    expect(ids.check(3, 'X').action).toBe('drop')
    expect(ids.lastId).toBe(5)
  })

  it('does not track ids that are not sequence numbers (evt_001, negative, fractional, absent)', () => {
    const ids = createEventIdTracker(3)
    for (const id of ['evt_001', -1, 1.5, undefined, null, '']) {
      expect(ids.check(id, 'X')).toEqual({ action: 'accept' })
    }
    expect(ids.lastId).toBe(3)
  })

  it('a replay starting after lastId + 1 is a gap (replay_gap, firstId), unless it starts with a snapshot', () => {
    const ids = createEventIdTracker(3)
    ids.beginReplay()
    const gap = ids.check(6, 'TEXT_MESSAGE_CONTENT')
    expect(gap).toMatchObject({ action: 'gap', error: { code: 'replay_gap', firstId: 6 } })
    expect(ids.lastId).toBe(3)

    for (const type of ['MESSAGES_SNAPSHOT', 'STATE_SNAPSHOT']) {
      const resync = createEventIdTracker(3)
      resync.beginReplay()
      expect(resync.check(6, type)).toMatchObject({
        action: 'accept',
        id: 6,
        diagnostic: { level: 'info', code: 'replay_resynced' },
      })
      expect(resync.lastId).toBe(6)
    }
  })

  it('a refused gap leaves the replay open: the next event is judged as its first again', () => {
    // A WebSocket run re-attached on the same connection drops the old cursor's leftovers
    // (gaps) until the replay's real first event; each leftover must be judged as a gap.
    const ids = createEventIdTracker(5)
    ids.beginReplay()
    expect(ids.check(8, 'TEXT_MESSAGE_CONTENT').action).toBe('gap')
    expect(ids.check(9, 'TEXT_MESSAGE_CONTENT').action).toBe('gap')
    expect(ids.lastId).toBe(5)
    expect(ids.check(6, 'TEXT_MESSAGE_CONTENT')).toEqual({ action: 'accept', id: 6 })
    expect(ids.check(7, 'TEXT_MESSAGE_CONTENT')).toEqual({ action: 'accept', id: 7 })
  })

  it('a replay that resends delivered ids first: those are dropped, the first new one is checked', () => {
    const ids = createEventIdTracker(3)
    ids.beginReplay()
    expect(ids.check(2, 'X').action).toBe('drop')
    expect(ids.check(3, 'X').action).toBe('drop')
    expect(ids.check(4, 'X')).toEqual({ action: 'accept', id: 4 })
    expect(ids.check(9, 'X')).toEqual({ action: 'accept', id: 9 }) // live gaps are not judged
  })

  it('a replay that opens with RUN_STARTED while nothing was delivered is not a gap (a re-sync of a run the client never saw); once events were delivered it is', () => {
    const fresh = createEventIdTracker()
    fresh.beginReplay()
    expect(fresh.check(41, 'RUN_STARTED')).toEqual({ action: 'accept', id: 41 })
    const holding = createEventIdTracker(3)
    holding.beginReplay()
    expect(holding.check(41, 'RUN_STARTED').action).toBe('gap')
  })
})
