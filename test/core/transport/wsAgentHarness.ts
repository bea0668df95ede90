/** Shared setup of the WebSocketAgent tests: a test server, agents closed after each test, inputs. */
import { afterAll, afterEach, beforeAll } from 'vitest'
import { WebSocket } from 'ws'
import type { RunAgentInput } from '../../../src/core/protocol/types'
import type { ConnectionState } from '../../../src/core/transport/ConnectionState'
import { WebSocketAgent } from '../../../src/core/transport/WebSocketAgent'
import type { WebSocketAgentOptions } from '../../../src/core/transport/WebSocketAgentOptions'
import {
  replyEvents,
  startWsTestServer,
  type ServerRun,
  type TestConnection,
  type WsTestServer,
} from './wsTestServer'

export interface WsHarness {
  readonly server: WsTestServer
  makeAgent(options?: Partial<WebSocketAgentOptions>): WebSocketAgent
  input(runId?: string): RunAgentInput
  /** Records every connection state of `agent`. */
  states(agent: WebSocketAgent): ConnectionState[]
  /**
   * The next `run` frame registers the run (all of `events`, finished) but only sends the first
   * `count` events, then `cut(conn)` after a short pause. Later connections behave normally.
   */
  cutAfter(
    count: number,
    cut: (conn: TestConnection) => void,
    events?: (input: any) => unknown[],
  ): Promise<ServerRun>
}

/** Registers the hooks of a test file and returns its harness. */
export function setupWsHarness(): WsHarness {
  let server: WsTestServer
  const agents: WebSocketAgent[] = []
  let n = 0
  beforeAll(async () => {
    server = await startWsTestServer()
  })
  afterAll(() => server.close())
  afterEach(() => {
    agents.splice(0).forEach((a) => a.close())
    server.intercept = undefined
    server.onConnection = undefined
    server.script = (input) => replyEvents(input.threadId, input.runId)
  })
  return {
    get server() {
      return server
    },
    makeAgent(options = {}) {
      const agent = new WebSocketAgent({
        url: server.url,
        WebSocket: WebSocket as never,
        window: null,
        document: null,
        ...options,
      })
      agents.push(agent)
      return agent
    },
    input: (runId = `run-${++n}`) => ({
      threadId: 't1',
      runId,
      messages: [{ id: 'u', role: 'user', content: 'hi' }],
      tools: [],
      context: [],
    }),
    states(agent) {
      const states: ConnectionState[] = []
      agent.subscribeConnection((s) => states.push(s))
      return states
    },
    cutAfter(count, cut, events = (i) => replyEvents(i.threadId, i.runId)) {
      return new Promise((resolve) => {
        let done = false
        server.intercept = (conn, frame) => {
          if (done || frame.type !== 'run') return false
          done = true
          const { threadId, runId } = frame.input
          const run: ServerRun = {
            runId,
            threadId,
            events: events(frame.input),
            firstId: 1,
            finished: true,
          }
          server.runs.set(runId, run)
          run.events
            .slice(0, count)
            .forEach((event, i) => conn.send({ type: 'event', runId, id: i + 1, event }))
          setTimeout(() => {
            cut(conn)
            resolve(run)
          }, 10)
          return true
        }
      })
    },
  }
}
