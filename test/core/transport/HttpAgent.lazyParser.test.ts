/**
 * HttpAgent with the event validator not loaded yet (issue 7: it is a lazy chunk, loaded with
 * the run's request): the body is read ahead meanwhile, so nothing that arrived is lost, even
 * when the connection breaks before the chunk is there; a chunk that fails ends the run with
 * `load_failed`.
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { RunAgentInput } from '../../../src/core/protocol/types'
import { gateEventParser, turns } from '../protocol/gateEventParser'
import { controlledResponse, sseBytes as sse } from './controlledResponse'
import { collect } from './testServer'

let gate: ReturnType<typeof gateEventParser> | undefined
afterEach(() => gate?.restore())

const input: RunAgentInput = { threadId: 't1', runId: 'r1', messages: [], tools: [], context: [] }
const events = [
  { type: 'RUN_STARTED', threadId: 't1', runId: 'r1' },
  { type: 'TEXT_MESSAGE_START', messageId: 'm', role: 'assistant' },
  { type: 'THINKING_START' }, // retired: translated by the validator, so it must run
  { type: 'TEXT_MESSAGE_CONTENT', messageId: 'm', delta: 'Hi' },
]

async function freshAgent(response: Response) {
  const { HttpAgent } = await import('../../../src/core/transport/HttpAgent')
  let fetched = 0
  const agent = new HttpAgent({
    url: 'http://agent.invalid/run',
    fetch: async () => {
      fetched++
      return response
    },
  })
  return { agent, fetched: () => fetched }
}

describe('HttpAgent: the event validator loads in parallel with the request', () => {
  it('starts the load with the run, before the answer', async () => {
    gate = gateEventParser()
    const { response } = controlledResponse()
    const { agent } = await freshAgent(response)
    const sub = agent.run(input).subscribe({ error: () => undefined })
    await turns(1)
    expect(gate.requested()).toBe(1)
    sub.unsubscribe()
  })

  it('bytes that arrived before a connection break are read ahead, then validated and delivered in order', async () => {
    gate = gateEventParser()
    const { response, body } = controlledResponse()
    const { agent, fetched } = await freshAgent(response)
    const result = collect(agent.run(input))
    body().enqueue(sse(events))
    await turns()
    expect(fetched()).toBe(1)
    // The connection breaks while the validator still loads: a stream that errors discards
    // what it queues, so only reading ahead keeps these events.
    body().error(new TypeError('network connection was lost'))
    await turns()
    gate.open()
    const { events: got, error } = await result
    expect(got).toEqual([
      events[0],
      events[1],
      { type: 'REASONING_START', messageId: expect.any(String) },
      events[3],
    ])
    expect(error).toMatchObject({ code: 'truncated' })
  })

  it('a stream that ends normally while loading completes once the validator is there', async () => {
    gate = gateEventParser()
    const { response, body } = controlledResponse()
    const { agent } = await freshAgent(response)
    const result = collect(agent.run(input))
    body().enqueue(sse([events[0], { type: 'RUN_FINISHED', threadId: 't1', runId: 'r1' }]))
    body().close()
    await turns()
    gate.open()
    expect(await result).toMatchObject({
      completed: true,
      events: [{ type: 'RUN_STARTED' }, { type: 'RUN_FINISHED' }],
    })
  })

  it('a validator chunk that fails to load ends the run with load_failed', async () => {
    gate = gateEventParser('fail')
    const { response, body } = controlledResponse()
    const { agent } = await freshAgent(response)
    const result = collect(agent.run(input))
    body().enqueue(sse(events))
    const { events: got, error } = await result
    expect(got).toEqual([])
    expect(error).toMatchObject({ name: 'AgentError', code: 'load_failed', retryable: true })
  })

  it('an abort while loading ends the run aborted at once', async () => {
    gate = gateEventParser()
    const { response, body } = controlledResponse()
    const { agent } = await freshAgent(response)
    const controller = new AbortController()
    const result = collect(agent.run(input, { signal: controller.signal }))
    body().enqueue(sse(events))
    await turns()
    controller.abort()
    const { events: got, error } = await result
    expect(got).toEqual([])
    expect(error).toMatchObject({ code: 'aborted' })
  })
})
