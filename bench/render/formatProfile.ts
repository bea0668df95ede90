import type { TracedScenario } from './attributeTrace'

/** Prints the scenarios as text. */
export function formatProfile({
  scenarios,
  hot,
  hotOpen,
  hotScroll,
  commitsPerFrame,
}: {
  scenarios: readonly TracedScenario[]
  hot: ReadonlyArray<[string, number]>
  hotOpen: ReadonlyArray<[string, number]>
  hotScroll: ReadonlyArray<[string, number]>
  commitsPerFrame: Record<string, number>
}): string {
  const lines: string[] = []
  lines.push(
    `stream: animation frames by React commits in them: ${JSON.stringify(commitsPerFrame)}`,
  )
  for (const s of scenarios) {
    lines.push(`\n## ${s.scenario}`)
    lines.push(
      `main-thread tasks: ${s.tasks}, wall ${s.taskWallMs} ms, CPU ${s.taskCpuMs} ms; tasks > 50 ms: ${s.longTasks.length}`,
    )
    for (const t of s.longTasks) {
      lines.push(
        `- ${t.wallMs} ms wall, ${t.cpuMs} ms CPU: ${t.breakdown.map(([k, v]) => `${k} ${v}`).join('; ')}`,
      )
      if (t.functions) {
        lines.push(`  sampled: ${t.functions.map(([k, v]) => `${k} ${v}`).join('; ')}`)
      }
    }
    lines.push('longest tasks:')
    for (const t of s.longest) {
      lines.push(
        `  ${t.wallMs} ms wall, ${t.cpuMs} ms CPU: ${t.breakdown.map(([k, v]) => `${k} ${v}`).join('; ')}`,
      )
    }
    lines.push(`self time by activity (ms): ${s.totals.map(([k, v]) => `${k} ${v}`).join('; ')}`)
  }
  lines.push('\n## CPU profile of the stream: self time by script file, then by function (ms)')
  for (const [fn, t] of hot) lines.push(`- ${t} ${fn}`)
  lines.push(
    '\n## CPU profile of opening the 10,000-message thread: self time by script file, then by function (ms)',
  )
  for (const [fn, t] of hotOpen) lines.push(`- ${t} ${fn}`)
  lines.push(
    '\n## CPU profile of the 10,000-message scroll: self time by script file, then by function (ms)',
  )
  for (const [fn, t] of hotScroll) lines.push(`- ${t} ${fn}`)
  return lines.join('\n')
}
