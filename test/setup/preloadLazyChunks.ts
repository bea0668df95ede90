/**
 * Unit-test setup: in DOM test files (jsdom), the chunks the kit loads on first use are loaded
 * before the tests, so a test that renders `<Chat />` or `<MarkdownText />` sees the rendered
 * markdown on first render, as an app does once the chunk is in. The plain-text fallback while
 * it loads is tested on its own (test/components/MarkdownText.lazy.test.tsx, fresh modules).
 */
import { beforeAll } from 'vitest'

beforeAll(async () => {
  if (typeof document === 'undefined') return
  const { preloadMarkdown } = await import('../../src/components/MarkdownText')
  await preloadMarkdown()
})
