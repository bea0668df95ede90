import type { ReactNode } from 'react'
import { useAgentRun, useAgentState } from '../src/index'

/** The demo agent's shared state (mirrors `DemoState` in src/server/demo; not imported: Node-only tree). */
interface DemoState {
  tasks?: Array<{ id: string; title: string; done: boolean }>
  meetings?: Array<{
    id: string
    title: string
    durationMinutes: number
    online: boolean
    room: string
  }>
  reports?: Array<{ id: string; to: string; subject: string; taskCount: number }>
}

const selectTasks = (state: DemoState | undefined) => state?.tasks
const selectMeetings = (state: DemoState | undefined) => state?.meetings
const selectReports = (state: DemoState | undefined) => state?.reports

/**
 * Side panel: the run status (`useAgentRun`), the shared state the agent keeps
 * (`useAgentState`, fed by `STATE_SNAPSHOT`/`STATE_DELTA`: tasks, booked meetings, sent
 * reports) and `children` (the suggestions). Ticking a task edits the state locally; it is sent
 * to the agent as `RunAgentInput.state` with the next run.
 */
export function StatePanel({ children }: { children?: ReactNode }): ReactNode {
  const { status, error } = useAgentRun()
  const [tasks, setState] = useAgentState<DemoState | undefined, DemoState['tasks']>(selectTasks)
  const [meetings] = useAgentState<DemoState | undefined, DemoState['meetings']>(selectMeetings)
  const [reports] = useAgentState<DemoState | undefined, DemoState['reports']>(selectReports)
  const toggle = (id: string) =>
    setState((state) => ({
      ...state,
      tasks: (state?.tasks ?? []).map((t) => (t.id === id ? { ...t, done: !t.done } : t)),
    }))
  return (
    <aside className="demo-panel" aria-label="Agent state">
      <section>
        <h2>Run</h2>
        <p>
          Status:{' '}
          <span className="demo-status" data-testid="run-status" data-status={status}>
            {status}
          </span>
        </p>
        {error && (
          <p className="demo-error" data-testid="run-error" data-code={error.code}>
            {error.message}
          </p>
        )}
      </section>
      <section>
        <h2>Tasks (shared state)</h2>
        {tasks === undefined ? (
          <p className="demo-muted">No state yet: send a message.</p>
        ) : (
          <ul className="demo-tasks" data-testid="task-list">
            {tasks.map((task) => (
              <li key={task.id} data-task-id={task.id}>
                <label>
                  <input type="checkbox" checked={task.done} onChange={() => toggle(task.id)} />
                  <span>{task.title}</span>
                </label>
              </li>
            ))}
          </ul>
        )}
        {meetings && meetings.length > 0 && (
          <>
            <h3>Meetings</h3>
            <ul className="demo-tasks" data-testid="meeting-list">
              {meetings.map((m) => (
                <li key={m.id} data-meeting-id={m.id}>
                  {m.title}: {m.durationMinutes} min, {m.room}, {m.online ? 'online' : 'in person'}
                </li>
              ))}
            </ul>
          </>
        )}
        {reports && reports.length > 0 && (
          <>
            <h3>Reports sent</h3>
            <ul className="demo-tasks" data-testid="report-list">
              {reports.map((r) => (
                <li key={r.id}>
                  {r.subject} → {r.to}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
      {children && (
        <section>
          <h2>Try</h2>
          {children}
        </section>
      )}
    </aside>
  )
}
