import type { ReactNode } from 'react'
import { useAgentRun, useAgentState } from '../src/index'

/** The demo agent's shared state (mirrors `DemoState` in src/server/demo; not imported: Node-only tree). */
interface DemoState {
  tasks?: Array<{ id: string; title: string; done: boolean }>
}

const selectTasks = (state: DemoState | undefined) => state?.tasks

/**
 * Side panel: the run status (`useAgentRun`) and the task list the agent keeps in the shared
 * state (`useAgentState`, fed by `STATE_SNAPSHOT`/`STATE_DELTA`). Ticking a task edits the
 * state locally; it is sent to the agent as `RunAgentInput.state` with the next run.
 */
export function StatePanel(): ReactNode {
  const { status, error } = useAgentRun()
  const [tasks, setState] = useAgentState<DemoState | undefined, DemoState['tasks']>(selectTasks)
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
        {error && <p className="demo-error">{error.message}</p>}
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
      </section>
    </aside>
  )
}
