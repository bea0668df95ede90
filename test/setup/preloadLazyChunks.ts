/**
 * Unit-test setup: in DOM test files (jsdom), the chunks the kit loads on first use are loaded
 * before the tests (the event validator in every test file), so a test that renders `<Chat />` or `<MarkdownText />` sees the rendered
 * markdown (and approval cards, interrupt prompts) on first render, as an app does once the chunk
 * is in. The fallbacks while they load are tested on their own, with fresh modules
 * (test/components/MarkdownText.lazy.test.tsx, test/components/HumanInTheLoopLoader.test.tsx,
 * test/react/useAgentStatus.lazy.test.tsx).
 */
import { beforeAll } from 'vitest'

beforeAll(async () => {
  // The event validator, in every environment: a scripted agent's events (validatesEvents:
  // false) would otherwise wait for its chunk on the first run and arrive as one burst.
  const { preloadProtocol } = await import('../../src/core/protocol/loadEventParser')
  await preloadProtocol()
  // HttpAgent's SSE reader likewise (its lazy path: test/core/transport/HttpAgent.lazySseReader.test.ts).
  const { preloadSseReader } = await import('../../src/core/transport/loadSseReader')
  await preloadSseReader()
  // The store's human-in-the-loop layer, in every environment: tests of tools and interrupts see
  // it at once, as an app does once it is in (its lazy path: test/core/store/lazyHumanInTheLoop.test.ts).
  const { preloadStoreHumanInTheLoop } =
    await import('../../src/core/store/preloadStoreHumanInTheLoop')
  await preloadStoreHumanInTheLoop()
  if (typeof document === 'undefined') return
  const { preloadMarkdown } = await import('../../src/components/MarkdownText')
  await preloadMarkdown()
  const { preloadHumanInTheLoop } = await import('../../src/components/preloadHumanInTheLoop')
  await preloadHumanInTheLoop()
  const { preloadAgentStatus } = await import('../../src/core/status/loadStatusChunks')
  await preloadAgentStatus()
})
