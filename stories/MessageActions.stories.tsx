import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import { createScriptedAgent } from 'agent-wire-react/testing'
import { ChatStory } from './support/ChatStory'
import { recordClipboard } from './support/recorders'
import { replyRun } from './support/scripts'

/** Each run answers with the next reply, streamed word by word at a token cadence. */
const REPLIES = [
  'The **Eiffel Tower** is 330 metres tall.',
  'It is about 330 m, antenna included.',
  'Big Ben is 96 metres tall.',
]
const numberedReplies = () =>
  createScriptedAgent((input, runIndex) => replyRun(input, REPLIES[runIndex] ?? 'More.'), {
    cadenceMs: 15,
  })

const meta = {
  title: 'Chat/Message actions',
  component: ChatStory,
  args: { createAgent: numberedReplies, prompt: 'How tall is the Eiffel Tower?' },
  argTypes: { createAgent: { control: false } },
} satisfies Meta<typeof ChatStory>

export default meta
type Story = StoryObj<typeof meta>

const replies = (root: HTMLElement) =>
  [...root.querySelectorAll('article[data-role="assistant"]')].map((a) => a.textContent)

/** The first reply is complete and its run over: Regenerate shows and is enabled. */
async function firstReplyDone(root: HTMLElement) {
  await waitFor(() => expect(replies(root)).toEqual(['The Eiffel Tower is 330 metres tall.']), {
    timeout: 5000,
  })
  const regenerate = await within(root).findByRole('button', { name: 'Regenerate' })
  await waitFor(() => expect(regenerate).toBeEnabled())
}

/**
 * Copy under a reply copies its markdown source and says "Copied" (the clipboard is recorded:
 * a headless browser grants no clipboard to synthetic clicks).
 */
export const Copy: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await firstReplyDone(canvasElement)
    const clipboard = recordClipboard()
    try {
      const bar = canvas.getAllByRole('group', { name: 'Message actions' }).at(-1)!
      const copy = within(bar).getByRole('button', { name: 'Copy' })
      await userEvent.click(copy)
      await waitFor(() => expect(copy).toHaveAttribute('data-state', 'copied'))
      await expect(copy).toHaveTextContent('Copied')
      await expect(clipboard.written).toEqual([REPLIES[0]])
    } finally {
      clipboard.restore()
    }
  },
}

/** Regenerate drops the last reply and runs again from the question: a new reply streams in. */
export const Regenerate: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await firstReplyDone(canvasElement)
    await userEvent.click(canvas.getByRole('button', { name: 'Regenerate' }))
    await waitFor(() => expect(replies(canvasElement)).toEqual([REPLIES[1]]), { timeout: 5000 })
    await expect(canvas.getAllByRole('article', { name: 'You' })).toHaveLength(1)
    await waitFor(() => expect(canvas.getByRole('button', { name: 'Regenerate' })).toBeEnabled())
  },
}

/**
 * Edit message on the question opens a form with its text; Enter sends the edit: the old reply
 * goes, the edited question is answered. Escape would cancel and give focus back to the button.
 */
export const EditAndResend: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await firstReplyDone(canvasElement)
    const edit = canvas.getByRole('button', { name: 'Edit message' })
    await userEvent.click(edit)
    const input = canvas.getByRole('textbox', { name: 'Edit your message' })
    await expect(input).toHaveFocus()
    await expect(input).toHaveValue('How tall is the Eiffel Tower?')
    await userEvent.keyboard('{Escape}')
    await expect(edit).toHaveFocus()
    await userEvent.click(edit)
    const again = canvas.getByRole('textbox', { name: 'Edit your message' })
    await userEvent.clear(again)
    await userEvent.type(again, 'How tall is Big Ben?{Enter}')
    await waitFor(() => expect(canvas.getByText('How tall is Big Ben?')).toBeVisible())
    await expect(canvas.queryByText('How tall is the Eiffel Tower?')).toBeNull()
    await waitFor(() => expect(replies(canvasElement)).toEqual([REPLIES[1]]), { timeout: 5000 })
  },
}
