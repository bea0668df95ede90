import { useState, type ReactNode } from 'react'
import { z } from 'zod'
import { useBackendTool, useFrontendTool } from '../src/index'

/** The demo page's color scheme, switched by the agent through the `set_theme` frontend tool. */
export type DemoTheme = 'light' | 'dark'

/** Props of {@link DemoTools}. */
export interface DemoToolsProps {
  /** Applies a theme to the page (the `set_theme` handler calls it). */
  onTheme: (theme: DemoTheme) => void
}

interface Notice {
  id: number
  message: string
}

/** How long a notification stays on screen, in milliseconds. */
const NOTICE_MS = 8000

/**
 * Registers the demo's tools for the life of the thread (renders the notifications):
 * - frontend tools the agent may call, run in the page: `set_theme { theme }` (switches the
 *   page's theme) and `show_notification { message }` (a toast, role `status`);
 * - backend tools the agent runs itself, named here so their calls need a person's approval
 *   (the demo agent gates them with `tool_call` interrupts): `delete_task { taskId, title }`
 *   and `send_report { to, subject, body }` (edited arguments are validated: `to` must be an
 *   e-mail address).
 */
export function DemoTools({ onTheme }: DemoToolsProps): ReactNode {
  const [notices, setNotices] = useState<Notice[]>([])

  useFrontendTool({
    name: 'set_theme',
    description: 'Switch the page between its light and dark theme.',
    parameters: z.object({ theme: z.enum(['light', 'dark']) }),
    handler: ({ theme }) => {
      onTheme(theme)
      return { ok: true, theme }
    },
  })

  useFrontendTool({
    name: 'show_notification',
    description: 'Show a short notification to the person using the page.',
    parameters: z.object({ message: z.string().min(1).max(200) }),
    handler: ({ message }) => {
      const id = Date.now() + Math.random()
      setNotices((list) => [...list, { id, message }])
      setTimeout(() => setNotices((list) => list.filter((n) => n.id !== id)), NOTICE_MS)
      return { ok: true, shown: message }
    },
  })

  useBackendTool({
    name: 'delete_task',
    requiresApproval: true,
    parameters: z.object({ taskId: z.string().min(1), title: z.string().optional() }),
  })

  useBackendTool({
    name: 'send_report',
    requiresApproval: true,
    parameters: z.object({
      to: z.email(),
      subject: z.string().min(1),
      body: z.string().optional(),
    }),
  })

  return (
    <div className="demo-notices" aria-live="polite">
      {notices.map((n) => (
        <p key={n.id} role="status" className="demo-notice" data-testid="notification">
          {n.message}
        </p>
      ))}
    </div>
  )
}
