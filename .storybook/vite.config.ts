import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'

/** Storybook's Vite config (the repo's own vite.config.ts builds the library). */
export default defineConfig({
  plugins: [react()],
})
