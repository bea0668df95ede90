/**
 * What the rendering bench page (bench/render/page) exposes as `window.renderBench`, for the
 * benchmark harness (bench/render/runRenderBench.ts) and the long-thread browser test.
 */

/** Which chat the page renders. */
export type Impl = 'ours' | 'agui'

/** Options of {@link RenderBenchApi.open}. */
export interface OpenOptions {
  impl: Impl
  /** Messages already in the thread. */
  messages: number
  /** Ours: resolve only once the virtualizer laid out the list (or failed to load). Default true. */
  waitForVirtualizer?: boolean
}

/** What {@link RenderBenchApi.open} measured. */
export interface OpenReport {
  /** From creating the store/agent to the first frame painted after the first commit (ms). */
  firstPaintMs: number
  /** `<article>` elements in the list at that first paint. */
  articles: number
  /**
   * Ours: the list at first paint: `virtualizer` is `Thread.Root`'s `data-virtualizer`
   * (`loading` while its chunk loads: the thread's tail renders), `lastId` the last article,
   * `fromBottom` the distance from the end of the scroll range (px).
   */
  atFirstPaint?: { virtualizer: string | null; lastId: string | undefined; fromBottom: number }
  /**
   * Ours, long threads: from the first paint until the virtualizer laid out the list (ms; its
   * chunk is loaded on first need), or until its load failed; `open` resolves after that.
   */
  virtualizerMs?: number
  /** Ours: `<article>` elements once the virtualizer laid out the list (or failed to load). */
  articlesVirtualized?: number
}

/** Options of {@link RenderBenchApi.stream}. */
export interface StreamOptions {
  tokens: number
  perSecond: number
}

/** What one streamed reply cost. */
export interface StreamReport {
  /** Id of the streamed assistant message. */
  messageId: string
  /** Wall time from the first event to the first paint after the last (ms). */
  durationMs: number
  /** React commits during the stream. */
  commits: number
  /** Renders of the streaming message's component. */
  streamingRenders: number
  /** Renders of every other message's component (re-renders, not mounts). */
  otherRenders: number
  /** Messages (other than the streaming one) mounted during the stream. */
  otherMounts: number
  /** Durations (ms) of the long tasks (> 50 ms) observed during the stream. */
  longTasks: number[]
}

/** What {@link RenderBenchApi.scrollThrough} measured. */
export interface ScrollReport {
  /** Frames scrolled. */
  frames: number
  /** Time between consecutive animation frames (ms): the largest, and the 95th percentile. */
  maxFrameMs: number
  p95FrameMs: number
  /** Durations (ms) of the long tasks observed while scrolling. */
  longTasks: number[]
  /** Most `<article>` elements present at once. */
  maxArticles: number
}

/** `window.renderBench`. */
export interface RenderBenchApi {
  /** Mounts a chat over a thread of `messages` messages, at its bottom. Call once per page. */
  open(options: OpenOptions): Promise<OpenReport>
  /** Streams one assistant reply at a rate; resolves when it is done and painted. */
  stream(options: StreamOptions): Promise<StreamReport>
  /**
   * Regenerates the last reply (ours only: `store.regenerate()`, which cuts the thread before
   * the user message above it and runs again), streaming at a rate; resolves when painted.
   */
  regenerate(options: StreamOptions): Promise<void>
  /** Whether a `stream` call is in progress. */
  isStreaming(): boolean
  /** Appends `text` to message `id` (ours only): a message changing away from the stream. */
  growMessage(id: string, text: string): void
  /** When each React commit since the last `stream` started happened (ms, `performance.now()`). */
  commitTimes(): number[]
  /**
   * Turns on recording which components render in each commit (diagnostics only:
   * bench/render/commits.mjs); read them with {@link RenderBenchApi.commitNames}.
   */
  traceCommitNames(on: boolean): void
  /** Per commit since the last `stream` started, the components that rendered in it. */
  commitNames(): string[][]
  /**
   * Makes `requestAnimationFrame` fire `hz` times a second from now on (see `emulateDisplay`):
   * call before `open`, e.g. 120 for a 120 Hz screen.
   */
  emulateDisplay(hz: number): void
  /** Scrolls the list from the bottom up by `stepPx` per frame for `frames` frames. */
  scrollThrough(options: { frames: number; stepPx: number }): Promise<ScrollReport>
}

declare global {
  interface Window {
    renderBench: RenderBenchApi
  }
}
