import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, waitFor, within } from 'storybook/test'
import { createScriptedAgent } from 'agent-wire-react/testing'
import { imageDescriptionStream } from './recordedStreams'
import { ChatStory } from './support/ChatStory'
import { asRun } from './support/scripts'

/** A small faceted gem outline, as the image of recorded Step08 shows. */
const GEM_SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="120" height="100" viewBox="0 0 120 100">
<path d="M30 10h60l25 25-55 60L5 35z M5 35h110 M30 10l15 25 15-25 15 25 15-25 M45 35l15 60 15-60"
 fill="none" stroke="black" stroke-width="3" stroke-linejoin="round"/></svg>`

const meta = {
  title: 'Chat/Multimodal',
  component: ChatStory,
  args: {
    prompt: [
      { type: 'text', text: 'What is in this image?' },
      {
        type: 'image',
        source: { type: 'data', mimeType: 'image/svg+xml', value: btoa(GEM_SVG) },
        metadata: { alt: 'A black outline of a faceted gem' },
      },
    ],
    createAgent: () =>
      createScriptedAgent((input) => asRun(imageDescriptionStream, input), { cadenceMs: 25 }),
  },
  argTypes: { createAgent: { control: false } },
} satisfies Meta<typeof ChatStory>

export default meta
type Story = StoryObj<typeof meta>

/**
 * The user's message carries an image part (an attachment) shown in their bubble with its alt
 * text; the recorded Step08 reply describing it streams in.
 */
export const ImageAttachment: Story = {
  play: async ({ canvasElement }) => {
    const log = within(within(canvasElement).getByRole('log'))
    const image = log.getByRole<HTMLImageElement>('img', {
      name: 'A black outline of a faceted gem',
    })
    await waitFor(() => expect(image.complete && image.naturalWidth).toBeGreaterThan(0))
    await expect(log.getByText('What is in this image?')).toBeVisible()
    await waitFor(() => expect(log.getByText(/faceted appearance/)).toBeVisible(), {
      timeout: 8000,
    })
  },
}
