import { createContext, type ReactNode } from 'react'

/** The toolbar's theme: forced light/dark (`<Chat theme>`), or `system` (prefers-color-scheme). */
export type StoryTheme = 'light' | 'dark' | 'system'
/** The toolbar's writing direction, set as `dir` around the story. */
export type StoryDirection = 'ltr' | 'rtl'

/** The theme of the story being shown; {@link ChatStory} passes it to `<Chat theme>`. */
export const StoryThemeContext = createContext<StoryTheme>('light')

/** Props of {@link StoryFrame}. */
export interface StoryFrameProps {
  theme: StoryTheme | undefined
  dir: StoryDirection | undefined
  children?: ReactNode
}

/**
 * The frame around every story (the preview's decorator): a 640 px high box carrying `dir` and
 * the theme (as context for the chat, and as `data-story-theme` for the page background).
 */
export function StoryFrame({ theme = 'light', dir = 'ltr', children }: StoryFrameProps) {
  return (
    <StoryThemeContext.Provider value={theme}>
      <div
        dir={dir}
        data-story-theme={theme}
        style={{
          height: 640,
          display: 'flex',
          flexDirection: 'column',
          background: theme === 'dark' ? '#0d1117' : undefined,
        }}
      >
        {children}
      </div>
    </StoryThemeContext.Provider>
  )
}
