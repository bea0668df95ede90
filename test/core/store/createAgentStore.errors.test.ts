import { AbstractAgent } from '@ag-ui/client'
import { Observable as RxObservable } from 'rxjs'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { AgentError } from '../../../src/core/protocol/AgentError'
import type { BaseEvent, RunAgentInput } from '../../../src/core/protocol/types'
import { createAgentStore } from '../../../src/core/store'
import type { Agent } from '../../../src/core/transport/Agent'
import { createScriptedAgent } from '../../../src/testing'
import { finished, started, text, textRun } from '../../testing/scripts'

afterEach(() => vi.restoreAllMocks())

const assistantText = (snapshot: { messages: readonly { role: string; content?: unknown }[] }) =>
  snapshot.messages.filter((m) => m.role === 'assistant').map((m) => m.content)

describe('createAgentStore: failures', () => {
  it('an invalid event from a non-validating agent ends the run with invalid_event, keeping earlier messages', async () => {
    const agent = createScriptedAgent((input) => [
      started(input),
      ...text('a1', ['kept']),
      { type: 'TEXT_MESSAGE_CONTENT', messageId: 'a1' }, // no delta: fails the schema
      ...text('a2', ['never']),
      finished(input),
    ])
    const store = createAgentStore({ agent })
    const events: string[] = []
    store.onEvent((e) => events.push(e.type))
    const final = await store.run({ message: 'Hi' })
    expect(final.run.status).toBe('error')
    expect(final.run.error).toBeInstanceOf(AgentError)
    expect(final.run.error?.code).toBe('invalid_event')
    expect(assistantText(final)).toEqual(['kept'])
    expect(final.messages[0]).toMatchObject({ role: 'user', content: 'Hi' })
    expect(events).not.toContain('RUN_FINISHED')
    expect(events.filter((t) => t === 'TEXT_MESSAGE_START')).toHaveLength(1)
  })

  it('a stream that ends without RUN_FINISHED is truncated', async () => {
    const agent = createScriptedAgent((input) => [started(input), ...text('a1', ['half'])])
    const final = await createAgentStore({ agent }).run({ message: 'Hi' })
    expect(final.run.status).toBe('truncated')
    expect(final.run.error?.code).toBe('truncated')
    expect(final.run.error?.retryable).toBe(true)
    expect(assistantText(final)).toEqual(['half'])
  })

  it('an Observable error becomes run.error (AgentError kept, anything else wrapped)', async () => {
    const failing = (error: unknown): Agent => ({
      run: () => ({
        subscribe: (observer) => {
          if (typeof observer !== 'function') queueMicrotask(() => observer.error?.(error))
          return { unsubscribe() {} }
        },
      }),
    })
    const network = new AgentError('network', 'offline')
    const a = await createAgentStore({ agent: failing(network) }).run()
    expect(a.run.status).toBe('error')
    expect(a.run.error).toBe(network)
    const b = await createAgentStore({ agent: failing(new Error('boom')) }).run()
    expect(b.run.status).toBe('error')
    expect(b.run.error?.code).toBe('unknown')
    expect(b.run.error?.message).toBe('boom')
  })

  it('an agent whose run() throws synchronously ends the run with an error, without rejecting', async () => {
    const agent: Agent = {
      run: () => {
        throw new TypeError('bad agent')
      },
    }
    const final = await createAgentStore({ agent }).run({ message: 'x' })
    expect(final.run.status).toBe('error')
    expect(final.run.error?.message).toBe('bad agent')
  })

  it('a RUN_ERROR ends the run with code run_error', async () => {
    const agent = createScriptedAgent((input) => [
      started(input),
      { type: 'RUN_ERROR', message: 'model overloaded', code: 'overloaded' },
    ])
    const final = await createAgentStore({ agent }).run()
    expect(final.run.status).toBe('error')
    expect(final.run.error?.code).toBe('run_error')
  })
})

describe('createAgentStore: listeners', () => {
  it('a throwing listener is reported and the others still run', async () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {})
    const agent = createScriptedAgent(textRun('a1', ['x']))
    const store = createAgentStore({ agent })
    const seen: string[] = []
    store.subscribe(() => {
      throw new Error('listener bug')
    })
    store.subscribe(() => seen.push('subscriber'))
    store.onEvent(() => {
      throw new Error('event listener bug')
    })
    store.onEvent((e) => seen.push(e.type))
    const final = await store.run({ message: 'Hi' })
    expect(final.run.status).toBe('finished')
    expect(seen).toContain('subscriber')
    expect(seen).toContain('RUN_FINISHED')
    expect(consoleError).toHaveBeenCalled()
    expect(String(consoleError.mock.calls[0][0])).toContain('listener threw')
  })

  it('onEvent reports applied events in order, chunks expanded; unsubscribe works', async () => {
    const agent = createScriptedAgent((input) => [
      started(input),
      { type: 'TEXT_MESSAGE_CHUNK', messageId: 'a1', role: 'assistant', delta: 'Hi' },
      finished(input),
    ])
    const store = createAgentStore({ agent })
    const types: string[] = []
    const off = store.onEvent((e, snapshot) => {
      types.push(e.type)
      expect(snapshot.run.runId).toBe(agent.inputs[0].runId)
    })
    await store.run()
    expect(types[0]).toBe('RUN_STARTED')
    expect(types).toContain('TEXT_MESSAGE_START')
    expect(types).toContain('TEXT_MESSAGE_CONTENT')
    expect(types.at(-1)).toBe('RUN_FINISHED')
    off()
    const count = types.length
    await store.run()
    expect(types).toHaveLength(count)
  })

  it('setState and addMessage publish at once; unsubscribe stops notifications', () => {
    const store = createAgentStore({ agent: createScriptedAgent([]), initialState: { n: 1 } })
    const listener = vi.fn()
    const off = store.subscribe(listener)
    store.setState((s: unknown) => ({ n: (s as { n: number }).n + 1 }))
    expect(store.getSnapshot().state).toEqual({ n: 2 })
    expect(listener).toHaveBeenCalledTimes(1)
    store.addMessage({ id: 'm1', role: 'user', content: 'hello' })
    expect(store.getSnapshot().messages).toHaveLength(1)
    store.addMessage({ id: 'm1', role: 'user', content: 'edited' })
    expect(store.getSnapshot().messages).toEqual([{ id: 'm1', role: 'user', content: 'edited' }])
    expect(listener).toHaveBeenCalledTimes(3)
    off()
    store.setState({ n: 0 })
    expect(listener).toHaveBeenCalledTimes(3)
  })

  it('destroy() stops the run and drops listeners; later runs start nothing', async () => {
    const agent = createScriptedAgent((input) => [started(input), { delayMs: 50 }, finished(input)])
    const store = createAgentStore({ agent })
    const listener = vi.fn()
    store.subscribe(listener)
    const pending = store.run()
    store.destroy()
    expect((await pending).run.status).toBe('cancelled')
    const calls = listener.mock.calls.length
    await store.run({ message: 'after' })
    expect(agent.inputs).toHaveLength(1)
    expect(listener).toHaveBeenCalledTimes(calls)
  })
})

describe('createAgentStore: third-party agents', () => {
  it('runs an @ag-ui/client AbstractAgent subclass unchanged', async () => {
    // @ag-ui/client bundles its own rxjs copy: same runtime shape, distinct types, hence the cast.
    type ClientObservable = ReturnType<AbstractAgent['run']>
    class EchoAgent extends AbstractAgent {
      run(input: RunAgentInput): ClientObservable {
        const events = new RxObservable<BaseEvent>((subscriber) => {
          const last = input.messages.at(-1)
          const events = [
            started(input),
            ...text('a1', ['echo: ', String(last?.content)]),
            finished(input),
          ] as BaseEvent[]
          for (const event of events) subscriber.next(event)
          subscriber.complete()
        })
        return events as unknown as ClientObservable
      }
    }
    const store = createAgentStore({ agent: new EchoAgent() })
    const final = await store.run({ message: 'ping' })
    expect(final.run.status).toBe('finished')
    expect(assistantText(final)).toEqual(['echo: ping'])
  })

  it('runs a plain rxjs Observable agent and stops it via unsubscribe', async () => {
    let teardown = 0
    const agent: Agent = {
      run: (input) =>
        new RxObservable<BaseEvent>((subscriber) => {
          subscriber.next(started(input) as BaseEvent)
          return () => teardown++
        }),
    }
    const store = createAgentStore({ agent })
    const pending = store.run()
    store.stop()
    expect((await pending).run.status).toBe('cancelled')
    expect(teardown).toBe(1)
  })
})
