import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { StorybookConfig } from '@storybook/react-vite'

const here = dirname(fileURLToPath(import.meta.url))
const root = resolve(here, '..')

/**
 * The package's public entry points, resolved to the sources: stories import
 * `agent-wire-react`, `agent-wire-react/testing`, ... exactly as an app would (design.md, rule 6).
 * Most specific first (`agent-wire-react` would otherwise swallow the sub-paths).
 */
export const entryAliases = [
  {
    find: /^agent-wire-react\/styles\.css$/,
    replacement: resolve(root, 'src/components/styles.css'),
  },
  { find: /^agent-wire-react\/testing$/, replacement: resolve(root, 'src/testing/index.ts') },
  { find: /^agent-wire-react\/core$/, replacement: resolve(root, 'src/core/index.ts') },
  { find: /^agent-wire-react$/, replacement: resolve(root, 'src/index.ts') },
]

const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.@(ts|tsx)'],
  addons: ['@storybook/addon-a11y', '@storybook/addon-vitest'],
  framework: {
    name: '@storybook/react-vite',
    // The repo's vite.config.ts is the library build (lib mode); Storybook gets its own.
    options: { builder: { viteConfigPath: resolve(here, 'vite.config.ts') } },
  },
  core: { disableTelemetry: true },
  async viteFinal(viteConfig) {
    const { mergeConfig } = await import('vite')
    return mergeConfig(viteConfig, {
      resolve: { alias: entryAliases },
      // Pre-bundled up front: discovered mid-run, Vite would reload the page under a story test.
      optimizeDeps: { include: ['zod'] },
      // Stories replay ../shared/conformance/recorded-dotnet streams, outside the repo root.
      server: { fs: { allow: [root, resolve(root, '../shared/conformance')] } },
    })
  },
}

export default config
