import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'
import { builtinModules } from 'node:module'
import { readFileSync } from 'node:fs'
import type { Plugin } from 'vite'
import pkg from './package.json' with { type: 'json' }

const external = [
  ...Object.keys(pkg.peerDependencies),
  ...Object.keys(pkg.dependencies),
  ...builtinModules,
  ...builtinModules.map((m) => `node:${m}`),
]

/** Emits `src/components/styles.css` as `dist/styles.css` (`agent-wire-react/styles.css`). */
function stylesheet(): Plugin {
  return {
    name: 'awr-stylesheet',
    generateBundle() {
      this.emitFile({
        type: 'asset',
        fileName: 'styles.css',
        source: readFileSync('src/components/styles.css', 'utf8'),
      })
    },
  }
}

/**
 * Library build: one ES module per public entry point (see design.md, "Public entry points").
 * `.d.ts` files are emitted by `tsc -p tsconfig.build.json` (see the `build` script).
 */
export default defineConfig({
  plugins: [react(), stylesheet()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    cssCodeSplit: false,
    lib: {
      entry: {
        index: 'src/index.ts',
        core: 'src/core/index.ts',
        server: 'src/server/index.ts',
        testing: 'src/testing/index.ts',
      },
      formats: ['es'],
    },
    rolldownOptions: {
      external: (id) => external.some((e) => id === e || id.startsWith(`${e}/`)),
    },
  },
})
