import { AgentError, isAgentError } from '../../protocol/AgentError'
import type { BaseEvent } from '../../protocol/types'
import type { SubscriberSink } from '../../transport/createObservable'
import { mapProtolinkFrame } from './mapProtolinkFrame'
import type { ProtolinkMapState } from './ProtolinkMapState'
import { cancelProtolinkTask } from './protolinkRequests'
import type { ProtolinkHttp } from './protolinkHttp'
import type { ProtolinkStream } from './openProtolinkStream'
import type { ProtolinkApprovalRequest } from './protolinkWire'

/** A task whose stream the adapter follows: in a run, or parked at an interrupt. */
export interface FollowedTask {
  taskId: string
  runId: string
  /** Absent once the stream ended (an `input-required` task). */
  stream?: ProtolinkStream
  state: ProtolinkMapState
  /** Set when parked. */
  interruptId?: string
  approval?: ProtolinkApprovalRequest
}

/** The `ProtolinkAgent` state {@link followProtolinkTask} updates. */
export interface FollowedTasks {
  http: ProtolinkHttp
  /** Tasks in a run, by run id. */
  live: Map<string, FollowedTask>
  /** Tasks parked at an interrupt, by thread id. */
  parked: Map<string, FollowedTask>
}

/**
 * Reads the task's frames into this run (`sink`) until it ends, parks, or fails; `task.stream`
 * must be set. The task is in `tasks.live` meanwhile. At an interrupt it is parked (by thread
 * id): an approval keeps its stream open, `input-required` closes it. Then `sink.complete()`.
 * @throws AgentError from the stream (`network`, `invalid_json`, `bad_frame`,
 *   `limit_exceeded`, `aborted`, ...) or `truncated` (the stream ended before the task did);
 *   the stream is closed, and the task cancelled at the server (failures ignored) when
 *   `signal` aborted or the frames were malformed.
 */
export async function followProtolinkTask(
  tasks: FollowedTasks,
  task: FollowedTask,
  signal: AbortSignal,
  sink: SubscriberSink<BaseEvent>,
): Promise<void> {
  const stream = task.stream!
  tasks.live.set(task.runId, task)
  try {
    for (;;) {
      const item = await stream.next(signal)
      if (item.kind === 'error') throw item.error
      if (item.kind === 'end')
        throw new AgentError('truncated', 'The Protolink stream ended before the task did.')
      const mapped = mapProtolinkFrame(item.frame, task.state)
      for (const event of mapped.events) sink.next(event)
      const end = mapped.end
      if (!end) continue
      tasks.live.delete(task.runId)
      if (end.kind === 'interrupt') {
        task.interruptId = end.interrupt.id
        if (end.approval) task.approval = end.approval
        else {
          stream.close()
          delete task.stream
        }
        tasks.parked.set(task.state.threadId, task)
      } else stream.close()
      sink.complete()
      return
    }
  } catch (error) {
    if (tasks.live.get(task.runId) === task) tasks.live.delete(task.runId)
    stream.close()
    const code = isAgentError(error) ? error.code : 'unknown'
    if (signal.aborted || code === 'bad_frame' || code === 'invalid_json')
      void cancelProtolinkTask(tasks.http, task.taskId, 'Stopped by the user.').catch(
        () => undefined,
      )
    throw error
  }
}
