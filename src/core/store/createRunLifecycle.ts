import { AgentError } from '../protocol/AgentError'
import type { BaseEvent } from '../protocol/types'
import { beginRun, replaceRun } from '../reducer/snapshotUpdates'
import type { AgentSnapshot } from '../reducer/AgentSnapshot'
import type { Observable, RunOptions } from '../transport/Agent'
import type { LazyHumanInTheLoop } from './createLazyHumanInTheLoop'
import type { Publisher } from './createPublisher'
import type { ActiveRun } from './RunRequest'
import { snapshotToPersisted, type PersistedThread } from './snapshotToPersisted'
import { createActiveRun, streamRun, type RunStreamHost } from './streamRun'

/** A run the store stopped listening to (`detach()`); `attach()` continues its pipeline. */
type DetachedRun = Pick<ActiveRun, 'runId' | 'pipeline' | 'applied' | 'lastEventId'>

/** What {@link createRunLifecycle} needs from the store (its `finish` calls the lifecycle's). @internal */
export interface RunLifecycleHost extends RunStreamHost {
  readonly threadId: string
  isDestroyed(): boolean
}

/**
 * The run side of the agent store: the active run, a detached one that goes on at the server
 * (issue 6, "Stop vs detach") and the thread as that run found it (what `toPersisted()` saves
 * mid-run). `stop`, `detach`, `attach` and `toPersisted` implement the store's methods.
 * @internal
 */
export function createRunLifecycle(
  host: RunLifecycleHost,
  hitl: Pick<LazyHumanInTheLoop, 'afterRun' | 'settle' | 'validatorPending'>,
  publisher: Pick<Publisher, 'published'>,
) {
  const { agent, threadId } = host
  let active: ActiveRun | undefined
  let detached: DetachedRun | undefined
  let runStart: Pick<AgentSnapshot, 'messages' | 'state'> | undefined
  /** What a call that starts nothing resolves with. */
  const unchanged = () => Promise.resolve(publisher.published())

  /** Stops listening to the active `run` (aborting it first with `error`, if given). */
  function release(run: ActiveRun, error?: AgentError): void {
    run.done = true
    active = undefined
    if (error) run.controller.abort(error)
    run.subscription?.unsubscribe()
    run.subscription = undefined
  }

  /** The run is no longer `detached` (re-joined or stopped). */
  function undetach(): void {
    const { detached: _detached, ...run } = host.get().run
    host.set(replaceRun(host.get(), run))
  }

  /** The thread becomes run `runId`'s (kept as `runStart`, what `toPersisted()` saves). */
  function begin(runId: string): void {
    const s = host.get()
    runStart = { messages: s.messages, state: s.state }
    host.set(beginRun(s, { runId, threadId }))
  }

  /** Streams `open`'s events as the active run `runId` (a new run, or a re-joined one). */
  function stream(
    runId: string,
    open: (runOptions: RunOptions) => Observable<BaseEvent>,
    resumeFrom?: DetachedRun,
  ): Promise<AgentSnapshot> {
    return new Promise<AgentSnapshot>((resolve) => {
      // A run that ends with interrupts to answer resolves once their validator is loaded.
      const settle = (s: AgentSnapshot) => {
        const pending = hitl.validatorPending(s.interrupts)
        if (pending) void pending.then(() => resolve(s))
        else resolve(s)
      }
      const run = createActiveRun(host, runId, settle, resumeFrom)
      active = run
      host.flush()
      streamRun(host, run, open)
    })
  }

  return {
    /** A run streams, or one goes on at the server detached (issue 6). */
    running: () => active !== undefined || detached !== undefined,
    begin,
    stream,

    /** Ends `run` (terminal event, error, completion, stop) and publishes. */
    finish(run: ActiveRun): void {
      run.done = true
      if (active === run) active = undefined
      if (!detached) runStart = undefined
      run.subscription?.unsubscribe()
      hitl.afterRun()
      host.flush()
      run.resolve(host.get())
      // Due frontend tools, decisions, the follow-up or the resume run (issue 3).
      hitl.settle()
    },

    stop(): void {
      const run = active
      if (!run && !detached) return
      const error = new AgentError('aborted', 'The run was stopped.')
      if (detached) {
        // Cancels the detached run at the server and ends it `cancelled` here.
        const { pipeline, runId } = detached
        detached = undefined
        runStart = undefined
        agent.cancelRun?.(runId).catch((cause: unknown) => {
          console.error('[agent-wire-react] agent.cancelRun() failed:', cause)
        })
        undetach()
        host.set(pipeline.fail(host.get(), error))
        return host.flush()
      }
      if (!run) return
      release(run, error)
      try {
        agent.abortRun?.()
      } catch (abortError) {
        console.error('[agent-wire-react] agent.abortRun() threw:', abortError)
      }
      if (host.get().run.status === 'running') host.set(run.pipeline.fail(host.get(), error))
      host.finish(run)
    },

    detach(): void {
      const run = active
      if (!run || !agent.attach) return
      // Our transports read an unsubscribe without an abort as "detach": the run goes on.
      release(run)
      detached = run
      host.set(replaceRun(host.get(), { ...host.get().run, detached: true }))
      host.flush()
      run.resolve(host.get())
    },

    attach(runId = detached?.runId): Promise<AgentSnapshot> {
      if (host.isDestroyed() || active || !agent.attach || runId === undefined) return unchanged()
      const resumeFrom = detached?.runId === runId ? detached : undefined
      detached = undefined
      // A run this store never saw (after a reload): replay it from its first event.
      if (resumeFrom) undetach()
      else begin(runId)
      const lastEventId = resumeFrom?.lastEventId ?? 0
      return stream(
        runId,
        (runOptions) => agent.attach!({ threadId, runId, lastEventId }, runOptions),
        resumeFrom,
      )
    },

    toPersisted(): PersistedThread {
      const saved = snapshotToPersisted(host.get())
      const runId = active?.runId ?? detached?.runId
      if (runId === undefined || !runStart || !agent.attach) return saved
      return {
        ...saved,
        messages: [...runStart.messages],
        state: runStart.state,
        activeRun: { runId },
      }
    },
  }
}
