import type { Decorator, Preview } from '@storybook/react-vite'
import '../src/components/styles.css'
import { StoryFrame, type StoryDirection, type StoryTheme } from '../stories/support/StoryFrame'

/** Wraps every story in the toolbar's theme (`data-theme` on the chat) and direction (`dir`). */
const withThemeAndDirection: Decorator = (Story, context) => (
  <StoryFrame
    theme={context.globals.theme as StoryTheme}
    dir={context.globals.dir as StoryDirection}
  >
    <Story />
  </StoryFrame>
)

const preview: Preview = {
  decorators: [withThemeAndDirection],
  globalTypes: {
    theme: {
      description: 'Color scheme of the chat (data-theme)',
      toolbar: {
        title: 'Theme',
        icon: 'mirror',
        items: [
          { value: 'light', title: 'Light', icon: 'sun' },
          { value: 'dark', title: 'Dark', icon: 'moon' },
          { value: 'system', title: 'Follow the OS', icon: 'browser' },
        ],
        dynamicTitle: true,
      },
    },
    dir: {
      description: 'Writing direction (dir)',
      toolbar: {
        title: 'Direction',
        icon: 'transfer',
        items: [
          { value: 'ltr', title: 'Left to right' },
          { value: 'rtl', title: 'Right to left' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { theme: 'light', dir: 'ltr' },
  parameters: {
    layout: 'fullscreen',
    // axe runs after every story (in the a11y panel and in `npm test`): a violation fails it.
    a11y: { test: 'error' },
    controls: { matchers: { color: /(background|color)$/i } },
  },
}

export default preview
