import type { JsonPatchOperation } from '../../core/protocol/types'
import type { DemoMeetingRequest, DemoState, DemoTask } from './demoState'

type ListKey = 'meetings' | 'reports'

/**
 * A working copy of the demo state that records every change as JSON Patch operations, so
 * one run can make several changes and send them as one `STATE_DELTA`.
 * @internal
 */
export interface StateDraft {
  /** The state as changed so far (do not mutate). */
  readonly current: Readonly<DemoState>
  /** Appends a task (`add /tasks/-`). */
  addTask(task: DemoTask): void
  /** Removes the task with `id` (`remove /tasks/<index>`); `undefined` when there is none. */
  removeTask(id: string): DemoTask | undefined
  /** Appends to `meetings` or `reports`, creating the list when missing. */
  append<K extends ListKey>(key: K, value: NonNullable<DemoState[K]>[number]): void
  /** Sets (`add`) or, with `undefined`, removes `meetingRequest` (no-op when already absent). */
  setMeetingRequest(request: DemoMeetingRequest | undefined): void
  /** The operations recorded since the last call, and forgets them. */
  take(): JsonPatchOperation[]
}

/** Creates a {@link StateDraft} over `state` (not mutated). @internal */
export function createStateDraft(state: DemoState): StateDraft {
  let current: DemoState = { ...state, tasks: [...state.tasks] }
  let ops: JsonPatchOperation[] = []
  return {
    get current() {
      return current
    },
    addTask(task) {
      current = { ...current, tasks: [...current.tasks, task] }
      ops.push({ op: 'add', path: '/tasks/-', value: task })
    },
    removeTask(id) {
      const index = current.tasks.findIndex((t) => t.id === id)
      if (index < 0) return undefined
      const task = current.tasks[index]
      current = { ...current, tasks: current.tasks.filter((_, i) => i !== index) }
      ops.push({ op: 'remove', path: `/tasks/${index}` })
      return task
    },
    append(key, value) {
      const list = current[key] as unknown[] | undefined
      if (Array.isArray(list)) ops.push({ op: 'add', path: `/${key}/-`, value })
      else ops.push({ op: 'add', path: `/${key}`, value: [value] })
      current = { ...current, [key]: [...(list ?? []), value] }
    },
    setMeetingRequest(request) {
      if (request) {
        ops.push({ op: 'add', path: '/meetingRequest', value: request })
        current = { ...current, meetingRequest: request }
      } else if (current.meetingRequest) {
        ops.push({ op: 'remove', path: '/meetingRequest' })
        const { meetingRequest: _removed, ...rest } = current
        current = rest
      }
    },
    take() {
      const taken = ops
      ops = []
      return taken
    },
  }
}
