import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type BrowserContext } from 'playwright-core'

/** Flags for a quiet, sandbox-free headless Chromium in CI containers. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

/**
 * The Chromium to drive: `$CHROMIUM_PATH`, else `/usr/bin/chromium`, else playwright's own
 * download (`chromium.executablePath()`).
 *
 * @throws Error with install hints when none of them exists.
 */
export function findChromium(): string {
  const candidates: Array<[string, string | undefined]> = [
    ['$CHROMIUM_PATH', process.env.CHROMIUM_PATH],
    ['/usr/bin/chromium', '/usr/bin/chromium'],
  ]
  try {
    candidates.push(["playwright's chromium", chromium.executablePath()])
  } catch {
    // playwright-core knows no browser for this platform
  }
  for (const [, path] of candidates) if (path && existsSync(path)) return path
  const tried = candidates
    .map(([name, path]) => `${name}${path && path !== name ? ` (${path})` : ''}`)
    .join(', ')
  throw new Error(
    `No Chromium found for the browser tests (tried ${tried}). Install one with ` +
      '`apt-get install -y chromium`, or set CHROMIUM_PATH to a Chromium/Chrome executable.',
  )
}

/** A launched browser: a persistent context on a fresh profile directory. */
export interface LaunchedChromium {
  context: BrowserContext
  /** Closes the browser and deletes the profile directory. */
  close(): Promise<void>
}

/**
 * Launches headless Chromium ({@link findChromium}, {@link CHROMIUM_ARGS}) with a fresh
 * temporary user-data-dir, through playwright-core.
 */
export async function launchChromium(): Promise<LaunchedChromium> {
  const executablePath = findChromium()
  const userDataDir = await mkdtemp(join(tmpdir(), 'awr-chromium-'))
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1200, height: 800 },
  })
  return {
    context,
    async close() {
      await context.close().catch(() => undefined)
      await rm(userDataDir, { recursive: true, force: true })
    },
  }
}
