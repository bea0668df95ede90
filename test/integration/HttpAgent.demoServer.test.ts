import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { BaseEvent } from '../../src/core/protocol/types'
import { HttpAgent } from '../../src/core/transport/HttpAgent'
import { createAgentStore } from '../../src/core/store/createAgentStore'
import { createDemoAgent } from '../../src/server/demo/createDemoAgent'
import { startDemoServer, type DemoServer } from '../../src/server/startDemoServer'
import { collectRun, userInput } from './collectRun'

let server: DemoServer
beforeEach(async () => {
  server = await startDemoServer({ tokenDelayMs: 0 })
})
afterEach(async () => {
  await server.close()
})

async function inProcess(text: string) {
  const events: unknown[] = []
  const source = createDemoAgent({ tokenDelayMs: 0 })(userInput(text), {
    signal: new AbortController().signal,
  })
  for await (const e of source as AsyncIterable<BaseEvent>) events.push(e)
  return events
}

describe('HttpAgent against startDemoServer (real SSE)', () => {
  it('receives the whole run, in order, exactly as the agent produced it', async () => {
    const run = await collectRun(
      new HttpAgent({ url: server.agentUrl }),
      userInput('add ship the demo'),
    )
    expect(run.error).toBeUndefined()
    expect(run.events[0]).toMatchObject({
      type: 'RUN_STARTED',
      threadId: 'thread-int',
      runId: 'run-int',
    })
    expect(run.events.at(-1)).toMatchObject({
      type: 'RUN_FINISHED',
      threadId: 'thread-int',
      runId: 'run-int',
    })
    expect(run.events).toEqual(await inProcess('add ship the demo'))
  })

  it('drives a store to a finished run with the answer, the tool call and the new task', async () => {
    const store = createAgentStore({
      agent: new HttpAgent({ url: server.agentUrl }),
      threadId: 'thread-store',
    })
    const snapshot = await store.run({ message: 'add ship the demo' })
    expect(snapshot.run.status).toBe('finished')
    const assistant = snapshot.messages.filter((m) => m.role === 'assistant')
    expect(assistant.at(-1)?.content).toContain('### Done')
    expect(
      assistant.some(
        (m) => m.role === 'assistant' && m.toolCalls?.[0]?.function.name === 'add_task',
      ),
    ).toBe(true)
    expect(snapshot.messages.some((m) => m.role === 'tool')).toBe(true)
    const tasks = (snapshot.state as { tasks: Array<{ title: string }> }).tasks
    expect(tasks.at(-1)?.title).toBe('ship the demo')

    // Second run: state goes back to the server, which answers with a delta only.
    const second = await store.run({ message: 'add celebrate' })
    expect(second.run.status).toBe('finished')
    expect(
      (second.state as { tasks: Array<{ title: string }> }).tasks.map((t) => t.title).slice(-2),
    ).toEqual(['ship the demo', 'celebrate'])
    store.destroy()
  })

  it('aborting mid-stream errors the Observable with AgentError("aborted")', async () => {
    await server.close()
    server = await startDemoServer({ tokenDelayMs: 20 })
    const controller = new AbortController()
    const run = await collectRun(new HttpAgent({ url: server.agentUrl }), userInput('hi'), {
      signal: controller.signal,
      onEvent: (_e, i) => i === 3 && controller.abort(),
    })
    expect(run.events.some((e) => e.type === 'RUN_FINISHED')).toBe(false)
    expect(run.error).toMatchObject({ name: 'AgentError', code: 'aborted' })
  })

  it('reports a 404 from a wrong endpoint as AgentError("http_error") with the status', async () => {
    const run = await collectRun(new HttpAgent({ url: `${server.url}/nope` }), userInput('hi'))
    expect(run.error).toMatchObject({ name: 'AgentError', code: 'http_error', status: 404 })
  })
})
