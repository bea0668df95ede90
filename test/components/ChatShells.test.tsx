// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { cleanup, fireEvent, screen } from '@testing-library/react'
import { useState } from 'react'
import { ChatPopup, ChatSidebar } from '../../src/components'
import { axeViolations, modes, renderWithAgent, replyAgent } from './chatTestUtils'

afterEach(cleanup)

describe.each(modes)('<ChatPopup /> ($name)', ({ strict }) => {
  const agent = () => replyAgent('Hi there')

  it('opens from the launcher, moves focus in; Escape closes and returns focus', () => {
    renderWithAgent(<ChatPopup />, { strict, agent: agent() })
    const launcher = screen.getByRole('button', { name: 'Open chat' })
    expect(launcher.getAttribute('aria-expanded')).toBe('false')
    expect(screen.queryByRole('dialog')).toBeNull() // nothing mounted until first opened
    launcher.focus()
    fireEvent.click(launcher)
    const dialog = screen.getByRole('dialog', { name: 'Chat' })
    expect(launcher.getAttribute('aria-expanded')).toBe('true')
    expect(launcher.getAttribute('aria-controls')).toBe(dialog.id)
    expect(launcher.getAttribute('aria-label')).toBe('Close chat')
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Message' }))

    fireEvent.keyDown(document.activeElement!, { key: 'Escape' })
    expect(screen.queryByRole('dialog')).toBeNull() // hidden
    expect(launcher.getAttribute('aria-expanded')).toBe('false')
    expect(document.activeElement).toBe(launcher)
  })

  it('keeps the draft while closed (stays mounted); the close button closes', () => {
    renderWithAgent(<ChatPopup defaultOpen />, { strict, agent: agent() })
    const input = screen.getByRole('textbox', { name: 'Message' })
    // Open at mount: focus is not taken from the page.
    expect(document.activeElement).not.toBe(input)
    fireEvent.change(input, { target: { value: 'half-written' } })
    // The header's close button (the launcher is named "Close chat" too while open).
    const close = screen.getAllByRole('button', { name: 'Close chat' })
    expect(close).toHaveLength(2)
    fireEvent.click(close.find((b) => !b.hasAttribute('aria-expanded'))!)
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Open chat' }))
    fireEvent.click(screen.getByRole('button', { name: 'Open chat' }))
    expect(screen.getByRole('textbox', { name: 'Message' })).toHaveProperty('value', 'half-written')
  })

  it('controlled: open/onOpenChange', () => {
    const onOpenChange = vi.fn()
    function Controlled() {
      const [open, setOpen] = useState(false)
      return (
        <ChatPopup
          open={open}
          onOpenChange={(next) => {
            onOpenChange(next)
            setOpen(next)
          }}
          title="Support"
          side="start"
        />
      )
    }
    const { container } = renderWithAgent(<Controlled />, { strict, agent: agent() })
    fireEvent.click(screen.getByRole('button', { name: 'Open chat' }))
    expect(onOpenChange).toHaveBeenLastCalledWith(true)
    expect(screen.getByRole('dialog', { name: 'Support' })).toBeTruthy()
    expect(container.querySelector('[data-awr="chat-popup"]')?.getAttribute('data-side')).toBe(
      'start',
    )
    fireEvent.keyDown(screen.getByRole('dialog'), { key: 'Escape' })
    expect(onOpenChange).toHaveBeenLastCalledWith(false)
  })

  it('an Escape a part used (e.g. closing an edit form) does not close the popup', () => {
    renderWithAgent(<ChatPopup defaultOpen />, { strict, agent: agent() })
    const dialog = screen.getByRole('dialog')
    const event = new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true })
    event.preventDefault()
    dialog.dispatchEvent(event)
    expect(screen.getByRole('dialog')).toBeTruthy()
  })

  it('has no axe violations, closed and open', async () => {
    const { container } = renderWithAgent(<ChatPopup />, { strict, agent: agent() })
    expect(await axeViolations(container)).toEqual([])
    fireEvent.click(screen.getByRole('button', { name: 'Open chat' }))
    expect(await axeViolations(container)).toEqual([])
  })
})

describe.each(modes)('<ChatSidebar /> ($name)', ({ strict }) => {
  it('is a named complementary landmark that collapses and expands', () => {
    const onCollapsedChange = vi.fn()
    renderWithAgent(<ChatSidebar side="start" onCollapsedChange={onCollapsedChange} />, {
      strict,
      agent: replyAgent('ok'),
    })
    const aside = screen.getByRole('complementary', { name: 'Chat' })
    expect(aside.getAttribute('data-side')).toBe('start')
    const toggle = screen.getByRole('button', { name: 'Hide chat' })
    expect(toggle.getAttribute('aria-expanded')).toBe('true')
    const body = document.getElementById(toggle.getAttribute('aria-controls')!)
    expect(body?.contains(screen.getByRole('textbox', { name: 'Message' }))).toBe(true)
    fireEvent.click(toggle)
    expect(onCollapsedChange).toHaveBeenLastCalledWith(true)
    expect(aside.getAttribute('data-state')).toBe('collapsed')
    expect(screen.queryByRole('textbox', { name: 'Message' })).toBeNull()
    expect(toggle.getAttribute('aria-label')).toBe('Show chat')
    fireEvent.click(toggle)
    expect(aside.getAttribute('data-state')).toBe('expanded')
  })

  it('without collapsible there is no toggle; labels are translatable', () => {
    renderWithAgent(<ChatSidebar collapsible={false} labels={{ chatTitle: 'Assistant' }} />, {
      strict,
      agent: replyAgent('ok'),
    })
    expect(screen.getByRole('complementary', { name: 'Assistant' })).toBeTruthy()
    expect(screen.queryByRole('button', { name: 'Hide chat' })).toBeNull()
  })

  it('has no axe violations, expanded and collapsed', async () => {
    const { container } = renderWithAgent(<ChatSidebar />, { strict, agent: replyAgent('ok') })
    expect(await axeViolations(container)).toEqual([])
    fireEvent.click(screen.getByRole('button', { name: 'Hide chat' }))
    expect(await axeViolations(container)).toEqual([])
  })
})
