/**
 * Counts React commits and component renders through the DevTools global hook (the interface
 * React DevTools uses; React calls it in production builds too). Must be imported before
 * `react-dom` evaluates: `main.tsx` imports this module first.
 *
 * A component rendered in a commit when its fiber has the `PerformedWork` flag; subtrees whose
 * child fibers were reused from the previous tree did not render and are not walked, so the
 * cost of counting follows what React rendered, not the tree's size.
 */

/** Fiber fields read here (React internals, stable since React 16). */
interface Fiber {
  elementType: unknown
  memoizedProps: { id?: string; message?: { id: string } } | null
  flags: number
  alternate: Fiber | null
  child: Fiber | null
  sibling: Fiber | null
}

const PERFORMED_WORK = 1

/** What the counter reports. */
export interface CommitCounts {
  /** React commits (every root). */
  commits: number
  /** Renders of a tracked component (not first mounts), by message id. */
  renders: Record<string, number>
  /** First mounts of a tracked component, by message id. */
  mounts: Record<string, number>
  /** When each commit happened (`performance.now()`, ms). */
  times: number[]
  /**
   * Per commit, the components that rendered in it (function names: readable in an unminified
   * build), while {@link traceCommitNames} is on; else empty.
   */
  names: string[][]
}

let counts: CommitCounts = { commits: 0, renders: {}, mounts: {}, times: [], names: [] }
const tracked = new Set<unknown>()
let traceNames = false
let current: string[] | undefined

function idOf(fiber: Fiber): string {
  const props = fiber.memoizedProps
  return props?.id ?? props?.message?.id ?? '?'
}

function nameOf(type: unknown): string | undefined {
  if (typeof type === 'function') return (type as { name?: string }).name || 'anonymous'
  if (type && typeof type === 'object') {
    const inner =
      (type as { type?: unknown; render?: unknown }).type ?? (type as { render?: unknown }).render
    return inner ? nameOf(inner) : undefined
  }
  return undefined
}

function visit(fiber: Fiber): void {
  const previous = fiber.alternate
  if (current && fiber.flags & PERFORMED_WORK) {
    const name = nameOf(fiber.elementType)
    if (name) current.push(previous === null ? `+${name}` : name)
  }
  if (tracked.has(fiber.elementType)) {
    const id = idOf(fiber)
    if (previous === null) counts.mounts[id] = (counts.mounts[id] ?? 0) + 1
    else if (fiber.flags & PERFORMED_WORK) counts.renders[id] = (counts.renders[id] ?? 0) + 1
  }
  // Children reused as they were: nothing below rendered in this commit.
  if (previous !== null && previous.child === fiber.child) return
  for (let child = fiber.child; child !== null; child = child.sibling) visit(child)
}

const hook = {
  supportsFiber: true,
  isDisabled: false,
  renderers: new Map<number, unknown>(),
  inject(renderer: unknown) {
    const id = hook.renderers.size + 1
    hook.renderers.set(id, renderer)
    return id
  },
  onCommitFiberRoot(_id: number, root: { current: Fiber }) {
    counts.commits++
    counts.times.push(performance.now())
    current = traceNames ? [] : undefined
    if (tracked.size > 0 || current) visit(root.current)
    if (current) counts.names.push(current)
  },
  onCommitFiberUnmount() {},
  onPostCommitFiberRoot() {},
  checkDCE() {},
}
;(globalThis as Record<string, unknown>).__REACT_DEVTOOLS_GLOBAL_HOOK__ = hook

/** Counts renders of `component` (its `elementType`: the memo object for memo components). */
export function trackComponent(component: unknown): void {
  tracked.add(component)
}

/** The counts since the last {@link resetCommitCounts}. */
export function commitCounts(): CommitCounts {
  return counts
}

/** Starts counting from zero. */
export function resetCommitCounts(): void {
  counts = { commits: 0, renders: {}, mounts: {}, times: [], names: [] }
}

/**
 * Records which components rendered in each commit (`CommitCounts.names`): for diagnostics
 * (bench/render/commits.mjs), off in the benchmark (it walks more of each committed tree).
 */
export function traceCommitNames(on: boolean): void {
  traceNames = on
}
