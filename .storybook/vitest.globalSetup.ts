import { findChromium } from '../test/browser/launchChromium'

/**
 * Global setup of the `storybook` vitest project: fails fast, with install hints, when no
 * Chromium is found ($CHROMIUM_PATH, /usr/bin/chromium, playwright's own).
 */
export default function setup(): void {
  findChromium()
}
