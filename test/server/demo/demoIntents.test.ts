import { describe, expect, it } from 'vitest'
import { detectIntent } from '../../../src/server/demo/demoIntents'

describe('detectIntent', () => {
  it.each([
    ['Delete all done tasks', { deleteDone: true }],
    ['remove the done ones', { deleteDone: true }],
    ['email me the report', { sendReport: true }],
    ['Delete all done tasks and send the report', { deleteDone: true, sendReport: true }],
    ['Switch to dark mode', { theme: 'dark' }],
    ['light theme please', { theme: 'light' }],
    ['set the theme to dark', { theme: 'dark' }],
    ['notify me that lunch is ready', { notification: 'lunch is ready' }],
    ['Show a notification', { notification: 'Hello from the demo agent!' }],
    ['Book a meeting', { meeting: true }],
    ['schedule a meeting that expires in 10 seconds', { meeting: true, ttlMs: 10_000 }],
    ['book a meeting within 1 minute', { meeting: true, ttlMs: 60_000 }],
    ['book a meeting in 0 seconds', { meeting: true, ttlMs: 1000 }],
  ])('%s', (text, expected) => {
    expect(detectIntent(text)).toMatchObject({
      deleteDone: false,
      sendReport: false,
      meeting: false,
      ...expected,
    })
  })

  it('asks for nothing special in an ordinary message', () => {
    const intent = detectIntent('add buy oat milk, then tell me a joke')
    expect(intent).toEqual({
      deleteDone: false,
      sendReport: false,
      meeting: false,
      theme: undefined,
      notification: undefined,
      ttlMs: undefined,
    })
  })
})
