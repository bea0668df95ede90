/** One entry of the demo agent's shared task list. */
export interface DemoTask {
  /** Stable id, `task-<n>` (1-based position when it was added). */
  id: string
  /** What to do. */
  title: string
  /** Whether it is done. */
  done: boolean
}

/** The demo agent's shared state (AG-UI `state`): a task list. */
export interface DemoState {
  tasks: DemoTask[]
}

/** The task list a new thread starts with. */
export const INITIAL_TASKS: readonly DemoTask[] = [
  { id: 'task-1', title: 'Read the AG-UI event list', done: true },
  { id: 'task-2', title: 'Try the demo chat', done: false },
]

function isTask(value: unknown): value is DemoTask {
  const t = value as DemoTask | null
  return (
    typeof t === 'object' &&
    t !== null &&
    typeof t.id === 'string' &&
    typeof t.title === 'string' &&
    typeof t.done === 'boolean'
  )
}

/**
 * Reads the task list from a client-supplied `RunAgentInput.state`: returns it when `state`
 * is `{ tasks: DemoTask[] }`, otherwise `undefined` (the agent then sends a fresh snapshot).
 */
export function readTasks(state: unknown): DemoTask[] | undefined {
  const tasks = (state as { tasks?: unknown } | null | undefined)?.tasks
  return Array.isArray(tasks) && tasks.every(isTask) ? tasks : undefined
}
