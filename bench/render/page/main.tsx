// First: the commit counter must be in place before react-dom evaluates.
import {
  commitCounts,
  resetCommitCounts,
  traceCommitNames,
  trackComponent,
} from './installCommitCounter'
import { flushSync } from 'react-dom'
import { createRoot, type Root } from 'react-dom/client'
import { AbstractAgent, defaultApplyEvents } from '@ag-ui/client'
import { EMPTY, Observable } from 'rxjs'
import { AgentProvider, Chat, ChatMessage } from '../../../src'
import type { Message } from '../../../src/core/protocol/types'
import { createAgentStore } from '../../../src/core/store'
import type { AgentStore } from '../../../src/core/store/AgentStore'
import type { Agent } from '../../../src/core/transport/Agent'
import '../../../src/components/styles.css'
import { AguiChat, AguiRow, type AguiFeed } from './AguiChat'
import { emulateDisplay } from './emulateDisplay'
import { makeThread } from './makeThread'
import type { OpenOptions, RenderBenchApi, ScrollReport, StreamOptions } from './renderBenchApi'
import { streamTokens, type WireEvent } from './tokenStream'

trackComponent(ChatMessage)
trackComponent(AguiRow)

const longTasks: PerformanceEntry[] = []
new PerformanceObserver((list) => longTasks.push(...list.getEntries())).observe({
  type: 'longtask',
  buffered: true,
})
const longTasksSince = (t0: number) =>
  longTasks.filter((e) => e.startTime >= t0).map((e) => Math.round(e.duration))

/** Resolves after the next frame has been painted. */
function afterPaint(): Promise<void> {
  return new Promise((resolve) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel()
      channel.port1.onmessage = () => resolve()
      channel.port2.postMessage(null)
    }),
  )
}

class IdleAgent extends AbstractAgent {
  run(): never {
    return EMPTY as never
  }
}

let root: Root | undefined
let impl: OpenOptions['impl'] = 'ours'
let store: AgentStore | undefined
let streamOptions: StreamOptions = { tokens: 0, perSecond: 1 }
let replies = 0
let streaming = false
let aguiAgent: IdleAgent | undefined
let aguiSet: ((messages: Message[]) => void) | undefined

/** Our agent: every run streams one reply at the configured rate. */
const rateAgent: Agent = {
  validatesEvents: false,
  run(input) {
    return {
      subscribe(observer) {
        const next = typeof observer === 'function' ? observer : observer.next?.bind(observer)
        const done = typeof observer === 'function' ? undefined : observer.complete?.bind(observer)
        const controller = new AbortController()
        void streamTokens(
          {
            ...streamOptions,
            messageId: `reply-${replies}`,
            threadId: input.threadId,
            runId: input.runId,
            signal: controller.signal,
          },
          (event) => next?.(event as never),
        ).then(() => {
          if (!controller.signal.aborted) done?.()
        })
        return { unsubscribe: () => controller.abort() }
      },
    }
  },
}

function sum(record: Record<string, number>, except: string): number {
  let total = 0
  for (const [id, n] of Object.entries(record)) if (id !== except) total += n
  return total
}

const api: RenderBenchApi = {
  emulateDisplay,

  async open(options) {
    impl = options.impl
    const thread = makeThread(options.messages)
    const element = document.getElementById('root')!
    await afterPaint()
    const t0 = performance.now()
    root = createRoot(element)
    if (impl === 'ours') {
      store = createAgentStore({ agent: rateAgent, threadId: 'bench', initialMessages: thread })
      flushSync(() =>
        root!.render(
          <AgentProvider store={store}>
            <Chat />
          </AgentProvider>,
        ),
      )
    } else {
      aguiAgent = new IdleAgent({ threadId: 'bench', initialMessages: thread as never })
      const feed: AguiFeed = {
        initial: aguiAgent.messages as unknown as Message[],
        connect: (set) => {
          aguiSet = set
        },
      }
      flushSync(() => root!.render(<AguiChat feed={feed} />))
    }
    await afterPaint()
    const firstPaintMs = performance.now() - t0
    const articles = document.querySelectorAll('[role="log"] article').length
    if (impl !== 'ours') return { firstPaintMs, articles }
    const log = document.querySelector<HTMLElement>('[role="log"]')!
    const frame = document.querySelector<HTMLElement>(
      '[data-awr="thread"], .awr-message-list-frame',
    )!
    const atFirstPaint = {
      virtualizer: frame.getAttribute('data-virtualizer'),
      lastId: [...log.querySelectorAll<HTMLElement>('article')].at(-1)?.dataset.messageId,
      fromBottom: log.scrollHeight - log.scrollTop - log.clientHeight,
    }
    // A long thread loads the virtualizer's chunk on first need: wait for it (or its failure)
    // so that what follows (scrolling, streaming) meets the list users get after opening.
    if (options.waitForVirtualizer === false) return { firstPaintMs, articles, atFirstPaint }
    const t1 = performance.now()
    while (frame.getAttribute('data-virtualizer') === 'loading') await afterPaint()
    await afterPaint()
    return {
      firstPaintMs,
      articles,
      atFirstPaint,
      virtualizerMs: performance.now() - t1,
      articlesVirtualized: document.querySelectorAll('[role="log"] article').length,
    }
  },

  commitTimes: () => commitCounts().times,
  traceCommitNames,
  commitNames: () => commitCounts().names,

  growMessage(id, text) {
    const message = store!.getSnapshot().messages.find((m) => m.id === id)
    if (!message || typeof message.content !== 'string') throw new Error(`no text message ${id}`)
    store!.addMessage({ ...message, content: message.content + text } as Message)
  },

  isStreaming: () => streaming,

  async stream(options) {
    streamOptions = options
    streaming = true
    const messageId = `reply-${replies}`
    await afterPaint()
    resetCommitCounts()
    const t0 = performance.now()
    if (impl === 'ours') {
      await store!.run()
    } else {
      const agent = aguiAgent!
      const events$ = new Observable<WireEvent>((subscriber) => {
        void streamTokens(
          { ...options, messageId, threadId: 'bench', runId: `run-${replies}` },
          (event) => subscriber.next(event),
        ).then(() => subscriber.complete())
      })
      const input = {
        threadId: 'bench',
        runId: `run-${replies}`,
        messages: [],
        tools: [],
        context: [],
        state: {},
        forwardedProps: {},
      }
      await new Promise<void>((resolve, reject) =>
        defaultApplyEvents(input as never, events$ as never, agent, []).subscribe({
          next: (mutation) => {
            if (mutation.messages) {
              agent.messages = mutation.messages
              aguiSet?.(mutation.messages as unknown as Message[])
            }
          },
          complete: resolve,
          error: reject,
        }),
      )
    }
    await afterPaint()
    const durationMs = performance.now() - t0
    replies++
    streaming = false
    const counts = commitCounts()
    return {
      messageId,
      durationMs,
      commits: counts.commits,
      streamingRenders: counts.renders[messageId] ?? 0,
      otherRenders: sum(counts.renders, messageId),
      otherMounts: sum(counts.mounts, messageId),
      longTasks: longTasksSince(t0),
    }
  },

  async regenerate(options) {
    streamOptions = options
    const run = store!.regenerate()
    if (!(run instanceof Promise)) throw run
    await run
    await afterPaint()
    replies++
  },

  async scrollThrough({ frames, stepPx }) {
    const scroller = document.querySelector<HTMLElement>('[role="log"]')!
    await afterPaint()
    const t0 = performance.now()
    const gaps: number[] = []
    let maxArticles = 0
    let last = performance.now()
    for (let i = 0; i < frames; i++) {
      scroller.scrollTop -= stepPx
      await new Promise(requestAnimationFrame)
      const now = performance.now()
      gaps.push(now - last)
      last = now
      maxArticles = Math.max(maxArticles, scroller.querySelectorAll('article').length)
    }
    const sorted = gaps.slice().sort((a, b) => a - b)
    const report: ScrollReport = {
      frames,
      maxFrameMs: sorted[sorted.length - 1] ?? 0,
      p95FrameMs: sorted[Math.floor(sorted.length * 0.95)] ?? 0,
      longTasks: longTasksSince(t0),
      maxArticles,
    }
    return report
  },
}

window.renderBench = api
document.documentElement.dataset.ready = 'true'
