/** One entry of the demo agent's shared task list. */
export interface DemoTask {
  /** Stable id, `task-<n>` (one more than the highest `n` in the list when it was added). */
  id: string
  /** What to do. */
  title: string
  /** Whether it is done. */
  done: boolean
}

/** A meeting the demo agent booked from the answer to its `input_required` interrupt. */
export interface DemoMeeting {
  /** `meeting-<n>`, 1-based. */
  id: string
  title: string
  /** Length in minutes (an integer, 15 to 240). */
  durationMinutes: number
  online: boolean
  room: 'Aurora' | 'Borealis' | 'Cosmos'
}

/** A task report the demo agent "sent" after the person approved `send_report`. */
export interface DemoReport {
  /** `report-<n>`, 1-based. */
  id: string
  to: string
  subject: string
  /** Number of tasks the report listed. */
  taskCount: number
}

/** The open meeting interrupt, kept in the state so the agent itself stays stateless. */
export interface DemoMeetingRequest {
  /** The `Interrupt.id` the next run must answer. */
  interruptId: string
  /** `Interrupt.expiresAt` (ISO 8601). */
  expiresAt: string
}

/**
 * The demo agent's shared state (AG-UI `state`): a task list, plus what the human-in-the-loop
 * scenarios add (booked meetings, sent reports, the open meeting request).
 */
export interface DemoState {
  tasks: DemoTask[]
  meetings?: DemoMeeting[]
  reports?: DemoReport[]
  meetingRequest?: DemoMeetingRequest
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

/** `state.meetingRequest` when it is a {@link DemoMeetingRequest}, else `undefined`. */
export function readMeetingRequest(state: unknown): DemoMeetingRequest | undefined {
  const request = (state as { meetingRequest?: Partial<DemoMeetingRequest> } | null | undefined)
    ?.meetingRequest
  return typeof request?.interruptId === 'string' && typeof request.expiresAt === 'string'
    ? { interruptId: request.interruptId, expiresAt: request.expiresAt }
    : undefined
}

/** The id after the highest `<prefix>-<n>` among `items` (`<prefix>-1` for none). */
export function nextId(items: readonly { id: string }[], prefix: string): string {
  let max = 0
  for (const { id } of items) {
    const n = Number(/-(\d+)$/.exec(id)?.[1])
    if (Number.isInteger(n) && n > max) max = n
  }
  return `${prefix}-${max + 1}`
}
