import type { BenchRow } from './measure'

/** A figure with 3 significant digits and thousands separators (`1,234,000`, `0.456`). */
export function formatFigure(value: number | null): string {
  if (value === null) return '—'
  if (Math.abs(value) >= 100) return Math.round(value).toLocaleString('en-US')
  return Number(value.toPrecision(3)).toLocaleString('en-US', { maximumFractionDigits: 3 })
}

/** `rows` as a Markdown table (what `npm run bench` prints and the README shows). */
export function formatTable(rows: readonly BenchRow[]): string {
  const head = ['Scenario', 'Ours', '@ag-ui/client / baseline', 'Unit', 'Ratio', 'Target', 'Pass']
  const body = rows.map((r) => [
    r.scenario,
    formatFigure(r.ours),
    formatFigure(r.agui),
    r.unit,
    r.ratio === null ? '—' : `${formatFigure(r.ratio)}×`,
    r.target,
    r.pass === null ? '—' : r.pass ? 'yes' : '**no**',
  ])
  const lines = [head, head.map(() => '---'), ...body].map(
    (cells) => `| ${cells.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`,
  )
  return lines.join('\n')
}
