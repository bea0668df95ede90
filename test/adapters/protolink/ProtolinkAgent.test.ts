import { afterEach, describe, expect, it } from 'vitest'
import { createAgentStore } from '../../../src/core/store/createAgentStore'
import type { AgentStore } from '../../../src/core/store/AgentStore'
import type { ConnectionState } from '../../../src/core/transport/ConnectionState'
import { collectRun, userInput } from '../../integration/collectRun'
import { startProtolink, until, type ProtolinkHarness } from './protolinkHarness'

let h: ProtolinkHarness | undefined
const stores: AgentStore[] = []
afterEach(async () => {
  for (const s of stores.splice(0)) s.destroy()
  await h?.close()
  h = undefined
})

async function world(options: Parameters<typeof startProtolink>[0] = {}) {
  h = await startProtolink(options)
  return h
}

function storeOf(agent: ReturnType<ProtolinkHarness['agent']>, threadId = 'thread-pl') {
  const store = createAgentStore({ agent, threadId })
  stores.push(store)
  return store
}

const texts = (messages: readonly { role: string; content?: unknown }[]) =>
  messages.filter((m) => m.role !== 'activity').map((m) => `${m.role}: ${String(m.content)}`)

describe('ProtolinkAgent → proxy → Protolink fake (JSON-RPC SSE) → createAgentStore', () => {
  it('streams an answer through the same-origin proxy; only the last user message is sent', async () => {
    const { fake, agent, served } = await world()
    // The quirk the proxy exists for: Protolink answers cross-origin requests without CORS headers.
    const direct = await fetch(`${served.url}/.well-known/agent.json`, {
      headers: { Origin: 'http://app.test' },
    })
    expect(direct.status).toBe(200)
    expect(direct.headers.get('access-control-allow-origin')).toBeNull()
    const store = storeOf(agent())
    const first = await store.run({ message: 'hello there' })
    expect(first.run.status).toBe('finished')
    expect(texts(first.messages)).toEqual(['user: hello there', 'assistant: You said: hello there'])
    expect(first.steps).toBeDefined()
    const second = await store.run({ message: 'again' })
    expect(texts(second.messages).slice(2)).toEqual(['user: again', 'assistant: You said: again'])
    const sessions = [...fake.tasks.values()].map((t) => t.sessionId)
    expect(sessions).toEqual(['thread-pl', 'thread-pl'])
    expect(fake.log.filter((l) => l.startsWith('POST'))).toEqual([
      'POST /tasks/stream',
      'POST /tasks/stream',
    ])
  })

  it('sends the Task shape and headers Protolink expects (raw events valid, RUN_STARTED ids)', async () => {
    const { agent } = await world()
    const run = await collectRun(agent(), userInput('tools please'))
    expect(run.error).toBeUndefined()
    expect(run.events[0]).toEqual({ type: 'RUN_STARTED', threadId: 'thread-int', runId: 'run-int' })
    expect(run.events.map((e) => e.type)).toContain('TOOL_CALL_RESULT')
    expect(run.events.at(-1)).toMatchObject({ type: 'RUN_FINISHED', outcome: { type: 'success' } })
  })

  it('tool calls, results and progress land in the store', async () => {
    const { agent } = await world()
    const snapshot = await storeOf(agent()).run({ message: 'tools please' })
    expect(snapshot.run.status).toBe('finished')
    expect(snapshot.toolCalls['calc-1']).toMatchObject({
      name: 'calculator',
      args: '{"expr":"6*7"}',
    })
    expect(snapshot.messages.find((m) => m.role === 'tool')).toMatchObject({ content: '42' })
    expect(snapshot.messages.find((m) => m.role === 'activity')).toMatchObject({
      activityType: 'protolink.progress',
      content: { progress: 0.5 },
    })
  })

  it('approval_required → pending approval; approve() posts the decision and the same task goes on', async () => {
    const { fake, agent } = await world()
    const a = agent()
    const store = storeOf(a)
    const paused = await store.run({ message: 'fetch https://a.test' })
    expect(paused.run.status).toBe('interrupted')
    expect(a.getConnectionState()).toEqual({ status: 'open' }) // the parked task still streams
    expect(paused.approvals['act-1']).toMatchObject({
      toolName: 'fetch_url',
      state: 'pending',
      parsedArgs: { url: 'https://a.test' },
    })
    expect(fake.broker.pending()).toEqual(['req-1'])
    store.approve('act-1')
    await until(() => store.getSnapshot().run.status === 'finished')
    const done = store.getSnapshot()
    expect(fake.log).toContain('decision req-1 true')
    expect(done.approvals['act-1']?.state).not.toBe('pending')
    expect(done.messages.find((m) => m.role === 'tool')).toMatchObject({
      toolCallId: 'act-1',
      content: '<title>Page at https://a.test</title>',
    })
    expect(texts(done.messages).at(-1)).toBe(
      'assistant: The page at https://a.test is titled "Page".',
    )
    expect(fake.log.filter((l) => l === 'POST /tasks/stream')).toHaveLength(1) // one task, resumed
    expect(a.getConnectionState()).toEqual({ status: 'idle' })
  })

  it('a refused decision POST fails the resume run; the approval stays open and a retry goes through', async () => {
    const { fake, agent } = await world()
    let refuse = true
    const a = agent({
      approvalUrl: (id) =>
        refuse ? `${h!.baseUrl}/no-such-route/${id}` : `${h!.baseUrl}/approvals/${id}`,
    })
    const store = storeOf(a)
    await store.run({ message: 'fetch https://r.test' })
    store.approve('act-1')
    await until(() => store.getSnapshot().run.status === 'error')
    const failed = store.getSnapshot()
    expect(failed.run.error).toMatchObject({ code: 'http_error', status: 404 })
    expect(failed.interrupts[0]?.state).not.toBe('resolved')
    expect(fake.broker.pending()).toEqual(['req-1']) // Protolink still waits
    refuse = false
    await store.resume()
    await until(() => store.getSnapshot().run.status === 'finished')
    expect(fake.log).toContain('decision req-1 true')
  })

  it('close() denies a parked approval, cancels its task and closes its stream', async () => {
    const { fake, agent } = await world()
    const a = agent()
    await storeOf(a).run({ message: 'fetch https://z.test' })
    expect(a.getConnectionState()).toEqual({ status: 'open' })
    a.close()
    expect(a.getConnectionState()).toEqual({ status: 'idle' })
    await until(() => fake.log.includes('decision req-1 false'))
    await until(() => fake.log.some((l) => l.startsWith('cancel ')))
    await expect(a.cancelRun('anything')).rejects.toMatchObject({ code: 'run_not_found' })
  })

  it('deny(reason) posts approved:false; Protolink answers action_denied and finishes', async () => {
    const { fake, agent } = await world()
    const store = storeOf(agent())
    await store.run({ message: 'fetch https://b.test' })
    store.deny('act-1', 'not that site')
    await until(() => store.getSnapshot().run.status === 'finished')
    expect(fake.log).toContain('decision req-1 false')
    const done = store.getSnapshot()
    expect(done.messages.find((m) => m.role === 'tool')).toMatchObject({
      content: 'Denied: not that site',
    })
    expect(texts(done.messages).at(-1)).toBe('assistant: Understood, I will not fetch it.')
  })

  it('a new message instead of an answer denies the approval, cancels the old task, starts a new one', async () => {
    const { fake, agent } = await world()
    const store = storeOf(agent())
    await store.run({ message: 'fetch https://c.test' })
    const next = await store.run({ message: 'never mind' })
    expect(next.run.status).toBe('finished')
    expect(texts(next.messages).at(-1)).toBe('assistant: You said: never mind')
    await until(() => fake.log.includes('decision req-1 false'))
    expect(fake.log.some((l) => l.startsWith('cancel '))).toBe(true)
  })

  it('stop() cancels the task live at Protolink (POST /tasks/cancel) and keeps the streamed text', async () => {
    const { fake, agent } = await world()
    const store = storeOf(agent())
    const done = store.run({ message: 'slow please' })
    await until(() => store.getSnapshot().messages.some((m) => m.role === 'assistant'))
    store.stop()
    const snapshot = await done
    expect(snapshot.run.status).toBe('cancelled')
    expect(String(snapshot.messages.at(-1)?.content)).toMatch(/^tick 0/)
    await until(() => [...fake.tasks.values()].some((t) => t.state === 'canceled'))
    expect(fake.log.some((l) => l.startsWith('cancel '))).toBe(true)
  })

  it('cancelRun() ends the run with RUN_FINISHED outcome cancelled from the server', async () => {
    const { agent } = await world()
    const a = agent()
    const run = collectRun(a, userInput('slow please'), {
      onEvent: (e) => {
        if (e.type === 'TEXT_MESSAGE_CONTENT') void a.cancelRun('run-int')
      },
    })
    const { events, error } = await run
    expect(error).toBeUndefined()
    expect(events.at(-1)).toMatchObject({ type: 'RUN_FINISHED', outcome: { type: 'cancelled' } })
    await expect(a.cancelRun('unknown-run')).rejects.toMatchObject({ code: 'run_not_found' })
  })

  it('task_error and ok:false become RUN_ERROR (run_error in the store) keeping what was streamed', async () => {
    const { agent } = await world()
    const store = storeOf(agent())
    const failed = await store.run({ message: 'task_error now' })
    expect(failed.run.status).toBe('error')
    expect(failed.run.error).toMatchObject({ code: 'run_error', agentCode: 'llm_timeout' })
    expect(texts(failed.messages).at(-1)).toBe('assistant: Partial answer')
    const notOk = await store.run({ message: 'okfalse please' })
    expect(notOk.run.error).toMatchObject({ code: 'run_error', agentCode: 'ValueError' })
    const taskFailed = await store.run({ message: 'failed please' })
    expect(taskFailed.run.error).toMatchObject({ code: 'run_error', agentCode: 'failed' })
  })

  it('a malformed frame fails with invalid_json (text kept, task cancelled); a cut stream with truncated', async () => {
    const { fake, agent } = await world()
    const store = storeOf(agent())
    const bad = await store.run({ message: 'malformed frame' })
    expect(bad.run.status).toBe('error')
    expect(bad.run.error).toMatchObject({ code: 'invalid_json' })
    expect(texts(bad.messages).at(-1)).toBe('assistant: Before the bad frame')
    await until(() => fake.log.some((l) => l.startsWith('cancel ')))
    const cut = await store.run({ message: 'cut it' })
    expect(cut.run.error).toMatchObject({ code: 'truncated' })
    expect(texts(cut.messages).at(-1)).toBe('assistant: This answer is cut')
  })

  it('input-required ends interrupted with the question; the answer continues the same task id', async () => {
    const { fake, agent } = await world()
    const a = agent()
    const store = storeOf(a)
    const asked = await store.run({ message: 'question please' })
    expect(asked.run.status).toBe('interrupted')
    expect(a.getConnectionState()).toEqual({ status: 'idle' }) // that task's stream has ended
    const [interrupt] = asked.interrupts
    expect(interrupt).toMatchObject({
      reason: 'input_required',
      message: 'Which city do you mean?',
    })
    const taskId = [...fake.tasks.keys()][0]
    store.respondToInterrupt(interrupt!.id, 'Oslo')
    await until(() => store.getSnapshot().run.status === 'finished')
    expect(texts(store.getSnapshot().messages).at(-1)).toBe('assistant: You said: Oslo')
    expect([...fake.tasks.keys()]).toEqual([taskId])
  })

  it('429 → rate_limited with retryAfterMs; expired token → auth_required connection state', async () => {
    const { fake, agent } = await world({ token: 'secret' })
    const a = agent({ auth: { bearer: 'secret' } })
    const states: ConnectionState['status'][] = []
    a.subscribeConnection((s) => states.push(s.status))
    fake.rateLimitNext()
    const store = storeOf(a)
    const limited = await store.run({ message: 'hi' })
    expect(limited.run.error).toMatchObject({
      code: 'rate_limited',
      status: 429,
      retryAfterMs: 2000,
    })
    expect((await store.run({ message: 'hi' })).run.status).toBe('finished')
    fake.expireToken()
    const expired = await store.run({ message: 'hi again' })
    expect(expired.run.error).toMatchObject({ code: 'auth_required', status: 401 })
    expect(a.getConnectionState()).toMatchObject({ status: 'auth_required' })
    expect(states).toContain('open')
    expect(texts(expired.messages)).toContain('assistant: You said: hi') // kept
  })

  it('auth by X-API-Key and ?token= both work; a server-side token in the proxy needs none', async () => {
    const { agent } = await world({ token: 'k1', proxyToken: 'k1' })
    expect((await storeOf(agent(), 't1').run({ message: 'hi' })).run.status).toBe('finished')
    const apiKey = await storeOf(agent({ auth: { apiKey: 'k1' } }), 't2').run({ message: 'hi' })
    expect(apiKey.run.status).toBe('finished')
    const token = await storeOf(agent({ auth: () => ({ token: 'k1' }) }), 't3').run({
      message: 'hi',
    })
    expect(token.run.status).toBe('finished')
  })

  it('falls back to POST /chat when the card says streaming:false; {error} becomes RUN_ERROR', async () => {
    const { fake, agent } = await world({ streaming: false })
    const store = storeOf(agent())
    const answered = await store.run({ message: 'plain' })
    expect(texts(answered.messages)).toEqual(['user: plain', 'assistant: You said: plain'])
    const failed = await store.run({ message: 'fail now' })
    expect(failed.run.error).toMatchObject({ code: 'run_error', agentCode: 'chat_error' })
    expect(fake.log.filter((l) => l === 'POST /tasks/stream')).toEqual([])
    // Forced streaming on the same agent: /tasks/stream 404 → /chat.
    const forced = await storeOf(agent({ streaming: 'auto' }), 't-forced').run({ message: 'x' })
    expect(forced.run.status).toBe('finished')
  })

  it('an unreachable Protolink is a typed error through the proxy (502 http_error); status source reports it', async () => {
    const { agent, served } = await world()
    const a = agent()
    const report = await a.statusSource.load()
    expect(report.card).toMatchObject({ name: 'Protolink Research Agent', version: '0.7.0' })
    expect(report.card?.skills?.map((s) => s.id)).toEqual(['research', 'fetch_url'])
    expect(report.card?.capabilities).toMatchObject({ streaming: true, tool_calling: true })
    expect(report.health).toMatchObject({ state: 'ok' })
    expect(report.facts).toContainEqual({ label: 'max concurrency', value: 4 })
    await served.close()
    const failed = await storeOf(a).run({ message: 'anyone?' })
    expect(failed.run.error).toMatchObject({ code: 'http_error', status: 502 })
    expect(a.getConnectionState()).toMatchObject({ status: 'closed' })
    await expect(a.statusSource.load()).rejects.toMatchObject({ code: 'http_error', status: 502 })
  })

  it('a thread that does not end with a user message fails with run_error no_user_message', async () => {
    const { agent } = await world()
    const run = await collectRun(agent(), { ...userInput('x'), messages: [] })
    expect(run.error).toMatchObject({ code: 'run_error', agentCode: 'no_user_message' })
  })
})
