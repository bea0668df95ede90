import type { Meta, StoryObj } from '@storybook/react-vite'
import { useState, type ReactNode } from 'react'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import { CodeBlock, CodeHighlightProvider, createLazyHighlighter } from 'agent-wire-react'
import { createScriptedAgent } from 'agent-wire-react/testing'
import { ChatStory } from './support/ChatStory'
import { recordClipboard } from './support/recorders'
import { replyRun } from './support/scripts'

const CODE = 'const answer = 42\nfunction double(x) {\n  return x * 2\n}'
const REPLY = `Here is the snippet:\n\n\`\`\`js\n${CODE}\n\`\`\`\n\nCall \`double(answer)\` to get 84.`

/** Loads of the story highlighter module (a dynamic import), to show it loads only on use. */
let loads = 0
const highlight = createLazyHighlighter(() => {
  loads += 1
  return import('./support/demoHighlighter')
})

/**
 * A scripted reply with a fenced code block, streamed token by token, pausing 3 s with the
 * fence still open (before the closing fence), as a model does mid-snippet.
 */
const codeReply = () =>
  createScriptedAgent(
    (input) => {
      const steps = replyRun(input, REPLY)
      const fences = steps.flatMap((step, i) =>
        'delta' in step && String(step.delta).includes('```') ? [i] : [],
      )
      const closing = fences[1]
      return [...steps.slice(0, closing), { delayMs: 3000 }, ...steps.slice(closing)]
    },
    { cadenceMs: 40 },
  )

function Highlighted({ children }: { children?: ReactNode }) {
  return <CodeHighlightProvider highlight={highlight}>{children}</CodeHighlightProvider>
}

const meta = {
  title: 'Chat/Code blocks',
  component: ChatStory,
  args: { createAgent: codeReply, prompt: 'Show me a JavaScript snippet' },
  argTypes: { createAgent: { control: false } },
} satisfies Meta<typeof ChatStory>

export default meta
type Story = StoryObj<typeof meta>

const codeBlock = (root: HTMLElement) => root.querySelector<HTMLElement>('[data-awr="code-block"]')

/**
 * A reply streams a fenced code block into the chat with lazy highlighting on: while the fence
 * is open the block is plain (`data-open`), with its header already there (no jump, no
 * flicker); once it closes the highlighter module is imported and the block highlights.
 */
export const StreamingThenHighlighted: Story = {
  decorators: [(Story) => <Highlighted>{Story()}</Highlighted>],
  play: async ({ canvasElement }) => {
    const before = loads
    const open = await waitFor(
      () => {
        const block = codeBlock(canvasElement)
        expect(block).toHaveAttribute('data-open', 'true')
        return block!
      },
      { timeout: 8000 },
    )
    await expect(open).toHaveAttribute('data-state', 'plain')
    await expect(within(open).getByText('js')).toBeVisible()
    await expect(loads).toBe(before) // nothing loaded while the fence is open
    await waitFor(
      () => expect(codeBlock(canvasElement)).toHaveAttribute('data-state', 'highlighted'),
      {
        timeout: 5000,
      },
    )
    await expect(loads).toBeLessThanOrEqual(1)
    await expect(codeBlock(canvasElement)!.querySelector('.demo-keyword')).toHaveTextContent(
      'const',
    )
  },
}

/** Without a `CodeHighlightProvider` nothing is loaded: plain code, language label and Copy. */
export const PlainWithCopy: Story = {
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(codeBlock(canvasElement)).not.toHaveAttribute('data-open'), {
      timeout: 8000,
    })
    const block = codeBlock(canvasElement)!
    await expect(block).toHaveAttribute('data-state', 'plain')
    const clipboard = recordClipboard()
    try {
      const copy = within(block).getByRole('button', { name: 'Copy js code' })
      await userEvent.click(copy)
      await waitFor(() => expect(copy).toHaveTextContent('Copied'))
      await expect(clipboard.written).toEqual([CODE])
    } finally {
      clipboard.restore()
    }
  },
}

/** `CodeBlock` on its own, with a highlighter prop, and a long unbroken line that scrolls. */
export const Standalone: Story = {
  render: () => <StandaloneBlocks />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await waitFor(() =>
      expect(canvasElement.querySelector('[data-language="ts"]')).toHaveAttribute(
        'data-state',
        'highlighted',
      ),
    )
    const long = canvasElement.querySelector<HTMLElement>('[data-language="txt"] pre')!
    await expect(long.scrollWidth).toBeGreaterThan(long.clientWidth) // scrolls, layout holds
    await userEvent.tab()
    await expect(canvas.getByRole('button', { name: 'Copy ts code' })).toHaveFocus()
  },
}

function StandaloneBlocks() {
  const [long] = useState(() => 'x'.repeat(2000))
  return (
    <div className="awr-chat" style={{ padding: 16, gap: 8 }}>
      <CodeBlock
        code={'let n: number = 1\nexport const twice = n * 2'}
        language="ts"
        highlight={highlight}
      />
      <CodeBlock code={long} language="txt" />
    </div>
  )
}
