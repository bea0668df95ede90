import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import { createScriptedAgent } from 'agent-wire-react/testing'
import { imageDescriptionStream } from '../recordedStreams'
import { asRun } from '../support/scripts'
import { CustomChat } from './CustomChat'

/** A 1×1 PNG, as a picked file would hold it. */
const PNG_BASE64 =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII='

function pngFile(name: string): File {
  const bytes = Uint8Array.from(atob(PNG_BASE64), (c) => c.charCodeAt(0))
  return new File([bytes], name, { type: 'image/png' })
}

const fileInput = (root: HTMLElement) =>
  root.querySelector<HTMLInputElement>('[data-awr="composer-file-input"]')!

const meta = {
  title: 'Primitives/Composer with attachments',
  component: CustomChat,
  args: {
    createAgent: () =>
      createScriptedAgent((input) => asRun(imageDescriptionStream, input), { cadenceMs: 25 }),
    composer: { maxAttachments: 2, maxAttachmentBytes: 1000, accept: 'image/*' },
  },
  argTypes: { createAgent: { control: false } },
} satisfies Meta<typeof CustomChat>

export default meta
type Story = StoryObj<typeof meta>

/**
 * Pick an image: a chip appears (with a remove button); Send puts the text and the image in the
 * user's message as AG-UI content parts (the image shows in the bubble), and the recorded
 * Step08 description of an image streams back.
 */
export const PickAndSend: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await userEvent.upload(fileInput(canvasElement), pngFile('dot.png'))
    const list = await canvas.findByRole('list', { name: 'Attached files' })
    await expect(list).toHaveTextContent('dot.png')
    await waitFor(() =>
      expect(list.querySelector('[data-awr="composer-attachment"]')).toHaveAttribute(
        'data-state',
        'ready',
      ),
    )
    await userEvent.type(canvas.getByRole('textbox', { name: 'Your message' }), 'What is it?')
    await userEvent.click(canvas.getByRole('button', { name: 'Send' }))
    const sent = await canvas.findByRole('article', { name: 'You' })
    await expect(sent).toHaveTextContent('What is it?')
    const image = sent.querySelector('img')!
    await expect(image.getAttribute('src')).toBe(`data:image/png;base64,${PNG_BASE64}`)
    await expect(canvas.queryByRole('list', { name: 'Attached files' })).toBeNull()
    const reply = await canvas.findByRole('article', { name: 'Bot' })
    await waitFor(() => expect(reply).toHaveAttribute('data-status', 'complete'), {
      timeout: 8000,
    })
  },
}

/**
 * Limits: a third file is refused with a readable alert (at most 2 per message), a file of
 * another type too; removing a chip frees a place.
 */
export const Limits: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const picker = fileInput(canvasElement)
    await userEvent.upload(picker, [pngFile('a.png'), pngFile('b.png'), pngFile('c.png')])
    await expect(await canvas.findByRole('alert')).toHaveTextContent(
      'At most 2 attachments per message: "c.png" was not added.',
    )
    await expect(canvas.getAllByRole('listitem')).toHaveLength(2)
    await expect(canvas.getByRole('button', { name: 'Add file' })).toBeDisabled()
    await userEvent.click(canvas.getByRole('button', { name: 'Remove a.png' }))
    await expect(canvas.getAllByRole('listitem')).toHaveLength(1)
    await expect(canvas.getByRole('button', { name: 'Add file' })).toBeEnabled()
  },
}
