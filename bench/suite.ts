/**
 * The benchmark suite (`npm run bench`, issue 7): runs every scenario for the kit and for
 * `@ag-ui/client` in this process, prints the table and writes bench/results/node.json. Rows
 * measured in Chromium (bench/results/render.json, written by the rendering benchmark) are
 * appended to the printed table when present.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'
import { bundleRows } from './scenarios/bundle'
import { endToEndRows } from './scenarios/endToEnd'
import { stateRows } from './scenarios/state'
import { textRows } from './scenarios/text'
import { toolArgsRows } from './scenarios/toolArgs'
import type { BenchRow } from './measure'
import { formatTable } from './formatTable'

const GROUPS: Record<string, () => Promise<BenchRow[]>> = {
  text: textRows,
  e2e: endToEndRows,
  tools: toolArgsRows,
  state: stateRows,
  bundle: bundleRows,
}

/** Runs the groups named in `args` (all when empty), prints the table, writes the JSON. */
export async function main(args: string[]): Promise<void> {
  const names = args.length ? args : Object.keys(GROUPS)
  const rows: BenchRow[] = []
  for (const name of names) {
    const group = GROUPS[name]
    if (!group)
      throw new Error(`Unknown group '${name}' (known: ${Object.keys(GROUPS).join(', ')})`)
    process.stdout.write(`running ${name}…\n`)
    rows.push(...(await group()))
  }
  mkdirSync('bench/results', { recursive: true })
  if (!args.length) writeFileSync('bench/results/node.json', `${JSON.stringify(rows, null, 2)}\n`)
  const render = 'bench/results/render.json'
  const all = existsSync(render)
    ? [...rows, ...(JSON.parse(readFileSync(render, 'utf8')) as BenchRow[])]
    : rows
  const machine = `Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, load average ${loadavg()[0].toFixed(1)}`
  process.stdout.write(`\n${machine}\n\n${formatTable(all)}\n`)
  if (all.some((r) => r.pass === false)) process.exitCode = 1
}
