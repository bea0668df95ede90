import { toAgentError } from '../protocol/AgentError'
import type { Diagnostic } from '../protocol/Diagnostic'
import type { AgentEvent, BaseEvent } from '../protocol/types'
import { addDiagnostic, createEventPipeline } from '../reducer'
import type { AgentSnapshot } from '../reducer/AgentSnapshot'
import type { Agent, Observable, RunOptions } from '../transport/Agent'
import type { ActiveRun } from './RunRequest'

/** What {@link streamRun} needs from the store that owns the run. @internal */
export interface RunStreamHost {
  readonly agent: Agent
  readonly maxProtocolVersion?: string
  get(): AgentSnapshot
  set(snapshot: AgentSnapshot): void
  /** Publishes now. */
  flush(): void
  /** Publishes at the next frame. */
  schedule(): void
  /**
   * Called with the events the pipeline applied for one received event, in order, after the
   * snapshot was set (the host may update it further, e.g. derived approvals).
   */
  applied(events: AgentEvent[]): void
  /** Ends the run (terminal event, error, completion); `run.done` is already true. */
  finish(run: ActiveRun): void
}

/**
 * A new {@link ActiveRun}: a fresh event pipeline (validation at the store's edge unless the
 * agent validates, design.md rule 2), or the pipeline of a detached run being re-joined, so the
 * stream's verification continues where it stopped (issue 6, "Stop vs detach").
 * @internal
 */
export function createActiveRun(
  host: RunStreamHost,
  runId: string,
  resolve: (snapshot: AgentSnapshot) => void,
  resumeFrom?: Pick<ActiveRun, 'pipeline' | 'applied' | 'lastEventId'>,
): ActiveRun {
  const applied: AgentEvent[] = resumeFrom?.applied ?? []
  const pipeline =
    resumeFrom?.pipeline ??
    createEventPipeline({
      validate: !host.agent.validatesEvents,
      onEvent: (e) => applied.push(e),
      ...(host.maxProtocolVersion !== undefined && {
        maxProtocolVersion: host.maxProtocolVersion,
      }),
    })
  return {
    runId,
    controller: new AbortController(),
    applied,
    pipeline,
    lastEventId: resumeFrom?.lastEventId ?? 0,
    done: false,
    resolve,
  }
}

/**
 * Subscribes `run` to the Observable `open` returns (`agent.run` or `agent.attach`) and feeds
 * each event through the run's pipeline into the host's snapshot: a status change publishes at
 * once, anything else at the next frame; a fatal pipeline error aborts the source and ends the
 * run. Never throws: a source that throws on subscribe ends the run with that error.
 * @internal
 */
export function streamRun(
  host: RunStreamHost,
  run: ActiveRun,
  open: (options: RunOptions) => Observable<BaseEvent>,
): void {
  const onNext = (event: unknown) => {
    if (run.done) return
    const before = host.get()
    const failedBefore = run.pipeline.error !== undefined
    host.set(run.pipeline.push(before, event))
    // Emptied before the host sees it (a listener may push more); one event (a token) needs no
    // `splice`, the slow generic path, for what an array literal does.
    const applied = run.applied.length === 1 ? [run.applied.pop()!] : run.applied.splice(0)
    host.applied(applied)
    if (!failedBefore && run.pipeline.error !== undefined) {
      run.done = true
      run.controller.abort(run.pipeline.error)
      host.finish(run)
      return
    }
    if (host.get().run.status !== before.run.status) host.flush()
    else host.schedule()
  }
  const onError = (error: unknown) => {
    if (run.done) return
    run.done = true
    host.set(run.pipeline.fail(host.get(), toAgentError(error)))
    host.finish(run)
  }
  const onComplete = () => {
    if (run.done) return
    run.done = true
    host.set(run.pipeline.end(host.get()))
    host.finish(run)
  }
  try {
    const onDiagnostic = (d: Diagnostic) => {
      if (run.done) return
      host.set(addDiagnostic(host.get(), d))
      host.schedule()
    }
    const runOptions: RunOptions = {
      signal: run.controller.signal,
      onDiagnostic,
      onEventId: (id) => void (run.lastEventId = id),
      ...(host.maxProtocolVersion !== undefined && {
        maxProtocolVersion: host.maxProtocolVersion,
      }),
    }
    const subscription = open(runOptions).subscribe({
      next: onNext,
      error: onError,
      complete: onComplete,
    })
    run.subscription = subscription
    // The source may have ended (or been rejected) synchronously inside subscribe().
    if (run.done) subscription.unsubscribe()
  } catch (error) {
    onError(error)
  }
}
