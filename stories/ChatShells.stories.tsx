import type { Meta, StoryObj } from '@storybook/react-vite'
import { useContext, useState } from 'react'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import { AgentProvider, ChatPopup, ChatSidebar } from 'agent-wire-react'
import { createScriptedAgent } from 'agent-wire-react/testing'
import { replyRun } from './support/scripts'
import { StoryThemeContext } from './support/StoryFrame'

/** The dark theme's `--awr-color-bg`, `--awr-color-fg` and `--awr-color-accent`, as computed. */
const DARK_BG = 'rgb(13, 17, 23)'
const DARK_FG = 'rgb(230, 237, 243)'
const DARK_ACCENT = 'rgb(68, 147, 248)'

const REPLY = 'Happy to help. What would you like to know?'
const agentFactory = () => createScriptedAgent((input) => replyRun(input, REPLY), { cadenceMs: 20 })

interface ShellStoryProps {
  shell: 'popup' | 'sidebar'
  side?: 'start' | 'end'
  defaultCollapsed?: boolean
}

/** A page with some content and the chat shell, under an `AgentProvider` (scripted agent). */
function ShellStory({ shell, side, defaultCollapsed }: ShellStoryProps) {
  const theme = useContext(StoryThemeContext)
  const [agent] = useState(agentFactory)
  const chatTheme = theme === 'system' ? undefined : theme
  return (
    <AgentProvider agent={agent} threadId="shell-story">
      <main style={{ padding: 24, color: theme === 'dark' ? '#e6edf3' : undefined }}>
        <h1 style={{ marginTop: 0 }}>Your app</h1>
        <p>The page goes on here.</p>
      </main>
      {shell === 'popup' ? (
        <ChatPopup side={side} theme={chatTheme} emptyState="Ask me anything" />
      ) : (
        <ChatSidebar
          side={side}
          theme={chatTheme}
          defaultCollapsed={defaultCollapsed}
          emptyState="Ask me anything"
        />
      )}
    </AgentProvider>
  )
}

const meta = {
  title: 'Chat/Popup and sidebar',
  component: ShellStory,
  args: { shell: 'popup' },
} satisfies Meta<typeof ShellStory>

export default meta
type Story = StoryObj<typeof meta>

/**
 * The launcher opens a floating chat: focus moves to the composer; a message streams a reply;
 * Escape closes the panel and gives focus back to the launcher; reopening keeps the thread.
 */
export const Popup: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const launcher = canvas.getByRole('button', { name: 'Open chat' })
    await expect(launcher).toHaveAttribute('aria-expanded', 'false')
    await userEvent.click(launcher)
    const dialog = canvas.getByRole('dialog', { name: 'Chat' })
    await expect(launcher).toHaveAttribute('aria-controls', dialog.id)
    const input = within(dialog).getByRole('textbox', { name: 'Message' })
    await waitFor(() => expect(input).toHaveFocus())
    await userEvent.type(input, 'Hello{Enter}')
    await waitFor(() => expect(within(dialog).getByText(REPLY)).toBeVisible(), { timeout: 5000 })
    await userEvent.keyboard('{Escape}')
    await expect(canvas.queryByRole('dialog')).toBeNull()
    await expect(launcher).toHaveFocus()
    await expect(launcher).toHaveAccessibleName('Open chat')
    await userEvent.keyboard('{Enter}')
    // The panel fades in (unless reduced motion): wait for it.
    const reopened = canvas.getByRole('dialog')
    await waitFor(() => expect(within(reopened).getByText(REPLY)).toBeVisible())
  },
}

/** The popup in the start corner, right to left: it sits at the bottom right (mirrored). */
export const PopupRightToLeft: Story = {
  args: { side: 'start' },
  globals: { dir: 'rtl' },
  play: async ({ canvasElement }) => {
    const launcher = within(canvasElement).getByRole('button', { name: 'Open chat' })
    const box = launcher.getBoundingClientRect()
    // Inline start in RTL is the right edge of the viewport.
    await expect(box.right).toBeGreaterThan(window.innerWidth - 100)
  },
}

/**
 * The sidebar docked at the inline end: a named `complementary` landmark; its toggle collapses
 * it to a rail (the chat hidden, nothing lost) and expands it again.
 */
export const Sidebar: Story = {
  args: { shell: 'sidebar' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const aside = canvas.getByRole('complementary', { name: 'Chat' })
    const box = aside.getBoundingClientRect()
    await expect(box.right).toBeGreaterThan(window.innerWidth - 2) // docked at the right (LTR)
    const input = within(aside).getByRole('textbox', { name: 'Message' })
    await userEvent.type(input, 'Hi{Enter}')
    await waitFor(() => expect(within(aside).getByText(REPLY)).toBeVisible(), { timeout: 5000 })
    const toggle = canvas.getByRole('button', { name: 'Hide chat' })
    await userEvent.click(toggle)
    await expect(aside).toHaveAttribute('data-state', 'collapsed')
    await expect(aside.getBoundingClientRect().width).toBeLessThan(100)
    await userEvent.click(canvas.getByRole('button', { name: 'Show chat' }))
    await expect(within(aside).getByText(REPLY)).toBeVisible()
  },
}

/** Docked at the start edge, right to left: it mirrors to the right edge. */
export const SidebarStartRightToLeft: Story = {
  args: { shell: 'sidebar', side: 'start' },
  globals: { dir: 'rtl' },
  play: async ({ canvasElement }) => {
    const aside = within(canvasElement).getByRole('complementary', { name: 'Chat' })
    await expect(aside.getBoundingClientRect().right).toBeGreaterThan(window.innerWidth - 2)
  },
}

/** Starts collapsed, in the dark theme. */
export const SidebarCollapsedDark: Story = {
  args: { shell: 'sidebar', defaultCollapsed: true },
  globals: { theme: 'dark' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(canvas.getByRole('button', { name: 'Show chat' })).toHaveAttribute(
      'aria-expanded',
      'false',
    )
    await expect(canvas.queryByRole('textbox', { name: 'Message' })).toBeNull()
    // The shell is a theme root: its own surface and header take the dark --awr-* colours.
    const aside = canvas.getByRole('complementary', { name: 'Chat' })
    await expect(getComputedStyle(aside).backgroundColor).toBe(DARK_BG)
    const header = aside.querySelector('.awr-chat-shell-header')!
    await expect(getComputedStyle(header).color).toBe(DARK_FG)
  },
}

/** The popup in the dark theme: launcher, panel and header take the dark --awr-* colours. */
export const PopupDark: Story = {
  globals: { theme: 'dark' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const launcher = canvas.getByRole('button', { name: 'Open chat' })
    await expect(getComputedStyle(launcher).backgroundColor).toBe(DARK_ACCENT)
    await userEvent.click(launcher)
    const dialog = await canvas.findByRole('dialog', { name: 'Chat' })
    await expect(getComputedStyle(dialog).backgroundColor).toBe(DARK_BG)
    const header = dialog.querySelector('.awr-chat-shell-header')!
    await expect(getComputedStyle(header).backgroundColor).toBe(DARK_BG)
    await expect(getComputedStyle(header).color).toBe(DARK_FG)
  },
}
