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

/** `src/components/<file>` with its local `@import './x.css';` lines replaced by the files. */
function readCss(file: string): string {
  return readFileSync(`src/components/${file}`, 'utf8').replace(
    /^@import\s+['"]\.\/([\w.-]+\.css)['"]\s*;[^\S\n]*$/gm,
    (_line, imported: string) => readCss(imported),
  )
}

/**
 * Emits `src/components/styles.css` as `dist/styles.css` (`agent-wire-react/styles.css`), with
 * its local `@import`s (e.g. `hitl.css`) inlined so the package ships one file.
 */
function stylesheet(): Plugin {
  return {
    name: 'awr-stylesheet',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'styles.css', source: readCss('styles.css') })
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
