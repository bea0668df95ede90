import {
  AgentError,
  createObservable,
  HttpAgent,
  WebSocketAgent,
  type Agent,
  type AttachParams,
  type BaseEvent,
  type ConnectionState,
  type Observable,
  type RunAgentInput,
  type RunOptions,
} from '../src/core/index'

/** The demo's transports: SSE over HTTP (`/api/agent`) or WebSocket (`/api/agent/ws`). */
export type DemoTransport = 'sse' | 'websocket'

const STORAGE_KEY = 'awr-demo:transport'
const IDLE: ConnectionState = { status: 'idle' }
const isTransport = (value: unknown): value is DemoTransport =>
  value === 'sse' || value === 'websocket'

/** `?transport=` in the page URL, else the saved choice, else SSE. */
function initialTransport(): DemoTransport {
  const fromUrl = new URLSearchParams(globalThis.location?.search ?? '').get('transport')
  if (isTransport(fromUrl)) return fromUrl
  try {
    const saved = globalThis.localStorage?.getItem(STORAGE_KEY)
    if (isTransport(saved)) return saved
  } catch {
    // Storage can be blocked; the default is fine.
  }
  return 'sse'
}

/**
 * One {@link Agent} for the demo's store that delegates to the transport picked in the page:
 * new runs go to the current one; `attach` and `cancelRun` go to the transport that started
 * the run. The store never changes, so switching keeps the thread.
 */
export class SwitchableAgent implements Agent {
  readonly validatesEvents = true
  #transport: DemoTransport
  readonly #agents = new Map<DemoTransport, Agent>()
  readonly #owners = new Map<string, Agent>()
  readonly #listeners = new Set<() => void>()

  constructor(
    private readonly factories: Record<DemoTransport, () => Agent>,
    transport: DemoTransport = 'sse',
  ) {
    this.#transport = transport
  }

  /** The transport new runs use. */
  get transport(): DemoTransport {
    return this.#transport
  }

  /** Switches the transport of the next runs (runs in flight stay where they are). */
  setTransport(transport: DemoTransport): void {
    if (transport === this.#transport) return
    this.#transport = transport
    try {
      globalThis.localStorage?.setItem(STORAGE_KEY, transport)
    } catch {
      // Not saved; the choice still applies to this page.
    }
    for (const listener of [...this.#listeners]) listener()
  }

  /** Calls `listener` when the transport changes; returns the unsubscribe function. */
  subscribeTransport(listener: () => void): () => void {
    this.#listeners.add(listener)
    return () => void this.#listeners.delete(listener)
  }

  /** The agent of the current transport (created on first use). */
  current(): Agent {
    let agent = this.#agents.get(this.#transport)
    if (!agent) {
      agent = this.factories[this.#transport]()
      this.#agents.set(this.#transport, agent)
    }
    return agent
  }

  run(input: RunAgentInput, options?: RunOptions): Observable<BaseEvent> {
    const agent = this.current()
    this.#owners.set(input.runId, agent)
    if (this.#owners.size > 100) this.#owners.delete(this.#owners.keys().next().value!)
    return agent.run(input, options)
  }

  attach(params: AttachParams, options?: RunOptions): Observable<BaseEvent> {
    const agent = this.#owners.get(params.runId) ?? this.current()
    if (agent.attach) return agent.attach(params, options)
    return createObservable<BaseEvent>((sink) => {
      sink.error(new AgentError('run_not_found', 'This transport cannot re-join runs.'))
    })
  }

  cancelRun(runId: string): Promise<void> {
    const agent = this.#owners.get(runId) ?? this.current()
    return agent.cancelRun ? agent.cancelRun(runId) : Promise.resolve()
  }

  abortRun(): void {
    this.current().abortRun?.()
  }

  getConnectionState(): ConnectionState {
    return this.current().getConnectionState?.() ?? IDLE
  }

  /** Follows the current transport's connection, and moves to the new one on a switch. */
  subscribeConnection(listener: (state: ConnectionState) => void): () => void {
    let inner = this.current().subscribeConnection?.(listener)
    const onSwitch = () => {
      inner?.()
      inner = this.current().subscribeConnection?.(listener)
      listener(this.getConnectionState())
    }
    const outer = this.subscribeTransport(onSwitch)
    return () => {
      outer()
      inner?.()
    }
  }
}

/** The demo page's agent: SSE at `/api/agent`, WebSocket at `/api/agent/ws`, as picked. */
export function createDemoTransportAgent(): SwitchableAgent {
  return new SwitchableAgent(
    {
      sse: () => new HttpAgent({ url: '/api/agent' }),
      websocket: () => {
        const url = new URL('/api/agent/ws', globalThis.location.href)
        url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:'
        return new WebSocketAgent({ url })
      },
    },
    initialTransport(),
  )
}
