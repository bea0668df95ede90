import { resolve } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { gateChunk } from '../../setup/gateChunk'
import type { RunAgentInput } from '../../../src/core/protocol/types'
import { agentOf, runOf, textReply, toolCall, toolMessages, until } from './hitlTestUtils'

const CHUNK = resolve('src/core/store/frontendTools')

afterEach(() => {
  vi.doUnmock(CHUNK)
  vi.restoreAllMocks()
})

/**
 * The store from fresh modules, its frontend-tools chunk behind `gate`: the import waits for
 * `release()`, and fails while `chunk.fail` is set.
 */
async function freshStore(...runs: Array<(input: RunAgentInput) => ReturnType<typeof textReply>>) {
  const { chunk, release } = gateChunk(CHUNK)
  const { createAgentStore, preloadFrontendTools } = await import('../../../src/core/store')
  const agent = agentOf(...runs)
  const store = createAgentStore({ agent, threadId: 't1' })
  return { agent, store, chunk, release, preloadFrontendTools }
}

const double = { name: 'double', handler: ({ n }: { n: number }) => n * 2 }
const doubleTool = {
  name: 'double',
  description: '',
  parameters: { type: 'object', properties: {} },
}

describe('the frontend-tools chunk (loaded on first use)', () => {
  it('is not loaded by a store without a frontend tool (a backend tool needs none of it)', async () => {
    const { agent, store, chunk, release } = await freshStore(textReply)
    release()
    store.registerTool({ name: 'delete_file', requiresApproval: true })
    const final = await store.run({ message: 'hi' })
    expect(final.run.status).toBe('finished')
    expect(agent.inputs[0].tools).toEqual([])
    expect(chunk.imports).toBe(0)
  })

  it('starts loading when a handler is registered; a run waits for it, then sends the tool', async () => {
    const { agent, store, chunk, release } = await freshStore(textReply)
    store.registerTool(double)
    // by the registration, before any run (once the store's human-in-the-loop layer is in)
    await vi.waitFor(() => expect(chunk.imports).toBe(1))
    const done = store.run({ message: 'hi' })
    await new Promise((r) => setTimeout(r, 10))
    expect(store.getSnapshot().run.status).toBe('running')
    expect(agent.inputs).toHaveLength(0) // nothing sent without its tools
    release()
    const final = await done
    expect(final.run.status).toBe('finished')
    expect(agent.inputs[0].tools).toEqual([doubleTool])
  })

  it('a failed load ends the run with load_failed (retryable, thread kept); retry() sends it', async () => {
    const { agent, store, chunk, release } = await freshStore(textReply)
    vi.spyOn(console, 'error').mockImplementation(() => {})
    chunk.fail = true
    release()
    store.registerTool(double)
    const failed = await store.run({ message: 'hi' })
    expect(failed.run.status).toBe('error')
    expect(failed.run.error).toMatchObject({ code: 'load_failed', retryable: true })
    expect(failed.run.error?.message).toMatch(/frontend tools' code could not be loaded/)
    expect(failed.messages).toMatchObject([{ role: 'user', content: 'hi' }])
    expect(agent.inputs).toHaveLength(0)
    chunk.fail = false
    const final = await store.retry()
    expect(final.run.status).toBe('finished')
    expect(agent.inputs[0].tools).toEqual([doubleTool])
    expect(agent.inputs[0].messages).toMatchObject([{ role: 'user', content: 'hi' }])
  })

  it('a call whose handler cannot be loaded gets a load_failed tool result, not silence', async () => {
    const { agent, store, chunk, release } = await freshStore(
      (input) => runOf(input, [{ delayMs: 20 }, ...toolCall('c1', 'double', '{"n":2}')]),
      textReply,
    )
    vi.spyOn(console, 'error').mockImplementation(() => {})
    chunk.fail = true
    release()
    void store.run({ message: 'hi' }) // no frontend tool yet: the run does not wait
    store.registerTool(double) // registered mid-run: its load fails
    const s = await until(store, (s) => toolMessages(s).length === 1)
    const [result] = toolMessages(s)
    expect(result).toMatchObject({ toolCallId: 'c1', error: expect.stringMatching(/could not/) })
    expect(JSON.parse(result.content as string)).toMatchObject({ error: { code: 'load_failed' } })
    expect(agent.inputs[0].tools).toEqual([])
  })

  it('preloadFrontendTools() never rejects: a failure is logged and the next call loads it', async () => {
    const { chunk, release, preloadFrontendTools } = await freshStore()
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {})
    chunk.fail = true
    release()
    await expect(preloadFrontendTools()).resolves.toBeUndefined()
    expect(logged).toHaveBeenCalledWith('[agent-wire-react]', expect.stringMatching(/could not/))
    chunk.fail = false
    await expect(preloadFrontendTools()).resolves.toBeUndefined()
    expect(chunk.imports).toBe(2)
  })
})
