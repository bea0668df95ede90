// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { cleanup, fireEvent, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useState, type ReactNode } from 'react'
import { AgentError } from '../../src/core/protocol/AgentError'
import type { ToolApproval as Approval } from '../../src/core/reducer/AgentSnapshot'
import { ToolApproval, type JsonSchema, type ToolApprovalRootProps } from '../../src/primitives'
import { axeViolations } from '../components/chatTestUtils'

afterEach(cleanup)

const base: Approval = {
  toolCallId: 'call-1',
  toolName: 'delete_file',
  state: 'pending',
  args: '{"path":"/tmp/a","force":false}',
  parsedArgs: { path: '/tmp/a', force: false },
}

const schema: JsonSchema = {
  type: 'object',
  properties: { path: { type: 'string', minLength: 1 }, force: { type: 'boolean' } },
  required: ['path'],
}

function Card(props: ToolApprovalRootProps & { children?: ReactNode }) {
  return (
    <ToolApproval.Root aria-label="Approval needed: delete_file" {...props}>
      <ToolApproval.Args />
      <ToolApproval.Editor />
      <ToolApproval.Reason />
      <ToolApproval.Error />
      <ToolApproval.Approve />
      <ToolApproval.Deny />
      <ToolApproval.Edit />
      <ToolApproval.AlwaysAllow />
      {props.children}
    </ToolApproval.Root>
  )
}

const root = () => document.querySelector<HTMLElement>('[data-awr="tool-approval"]')!
const button = (name: string) => screen.getByRole('button', { name }) as HTMLButtonElement

describe('ToolApproval primitives (plain props)', () => {
  it('renders the DOM contract: data-state, data-tool-name, the four named buttons with shortcuts', async () => {
    const { container } = render(<Card approval={base} />)
    const el = root()
    expect(el.getAttribute('data-state')).toBe('pending')
    expect(el.getAttribute('data-tool-name')).toBe('delete_file')
    expect(el.getAttribute('data-tool-call-id')).toBe('call-1')
    expect(el.getAttribute('role')).toBe('group')
    expect(button('Approve').getAttribute('aria-keyshortcuts')).toBe('Alt+A')
    expect(button('Deny').getAttribute('aria-keyshortcuts')).toBe('Alt+D')
    expect(button('Edit').getAttribute('aria-keyshortcuts')).toBe('Alt+E')
    expect(button('Always allow').disabled).toBe(false)
    expect(el.querySelector('[data-awr="tool-approval-args"]')!.textContent).toBe(
      JSON.stringify(base.parsedArgs, null, 2),
    )
    expect(await axeViolations(container)).toEqual([])
  })

  it('disables every action while the arguments stream, and shows the partial arguments', () => {
    render(
      <Card
        approval={{
          ...base,
          state: 'awaiting_args',
          args: '{"path":"/tm',
          parsedArgs: { path: '/tm' },
        }}
      />,
    )
    for (const name of ['Approve', 'Deny', 'Edit', 'Always allow'])
      expect(button(name).disabled).toBe(true)
    expect(root().getAttribute('aria-busy')).toBe('true')
    expect(root().querySelector('pre')!.textContent).toContain('"/tm"')
  })

  it('a double click on Approve sends one decision and disables the buttons', async () => {
    const onApprove = vi.fn()
    render(<Card approval={base} onApprove={onApprove} />)
    await userEvent.setup().dblClick(button('Approve'))
    fireEvent.click(button('Approve'))
    expect(onApprove).toHaveBeenCalledTimes(1)
    expect(button('Approve').disabled).toBe(true)
    expect(button('Deny').disabled).toBe(true)
  })

  it('enables the buttons again when the arguments change after a decision (decision voided)', async () => {
    const onApprove = vi.fn()
    const { rerender } = render(<Card approval={base} onApprove={onApprove} />)
    await userEvent.setup().click(button('Approve'))
    expect(button('Approve').disabled).toBe(true)
    rerender(<Card approval={{ ...base, args: '{"path":"/tmp/b"}' }} onApprove={onApprove} />)
    expect(button('Approve').disabled).toBe(false)
  })

  it('Always allow approves with { always: true }', async () => {
    const onApprove = vi.fn()
    render(<Card approval={base} onApprove={onApprove} />)
    await userEvent.setup().click(button('Always allow'))
    expect(onApprove).toHaveBeenCalledWith({ always: true })
  })

  it('Deny opens a reason input, Enter denies with the reason', async () => {
    const onDeny = vi.fn()
    const user = userEvent.setup()
    render(<Card approval={base} onDeny={onDeny} />)
    expect(screen.queryByRole('textbox', { name: 'Reason' })).toBeNull()
    await user.click(button('Deny'))
    expect(onDeny).not.toHaveBeenCalled()
    expect(root().getAttribute('data-mode')).toBe('denying')
    const reason = screen.getByRole('textbox', { name: 'Reason' })
    expect(document.activeElement).toBe(reason)
    expect(button('Deny').getAttribute('aria-expanded')).toBe('true')
    expect(button('Deny').getAttribute('aria-controls')).toBe(reason.id)
    await user.type(reason, '  not that file  {Enter}')
    expect(onDeny).toHaveBeenCalledWith('not that file')
    expect(onDeny).toHaveBeenCalledTimes(1)
  })

  it('Deny twice without a reason denies with undefined; askReason={false} denies at once', async () => {
    const onDeny = vi.fn()
    const user = userEvent.setup()
    render(<Card approval={base} onDeny={onDeny} />)
    await user.click(button('Deny'))
    await user.click(button('Deny'))
    expect(onDeny).toHaveBeenCalledWith(undefined)
    cleanup()
    const direct = vi.fn()
    render(
      <ToolApproval.Root approval={base} onDeny={direct}>
        <ToolApproval.Deny askReason={false} />
      </ToolApproval.Root>,
    )
    await user.click(button('Deny'))
    expect(direct).toHaveBeenCalledTimes(1)
  })

  it('Edit opens a schema form with the arguments; Approve sends the edited value', async () => {
    const onEdit = vi.fn(() => undefined)
    const user = userEvent.setup()
    render(<Card approval={base} schema={schema} onEdit={onEdit} />)
    await user.click(button('Edit'))
    expect(root().querySelector('[data-awr="tool-approval-args"]')).toBeNull()
    const path = screen.getByRole('textbox', { name: 'Path' }) as HTMLInputElement
    expect(path.value).toBe('/tmp/a')
    expect(document.activeElement).toBe(path)
    await user.clear(path)
    await user.type(path, '/tmp/b')
    await user.click(screen.getByRole('checkbox', { name: 'Force' }))
    await user.click(button('Approve'))
    expect(onEdit).toHaveBeenCalledWith({ path: '/tmp/b', force: true })
    expect(root().getAttribute('data-mode')).toBe('idle')
  })

  it('form-invalid edits stay local; edits rejected by onEdit show its message and stay pending', async () => {
    const onEdit = vi.fn(() => new AgentError('invalid_args', 'path: must not be a directory'))
    const user = userEvent.setup()
    render(<Card approval={base} schema={schema} onEdit={onEdit} />)
    await user.click(button('Edit'))
    await user.clear(screen.getByRole('textbox', { name: 'Path' }))
    await user.click(button('Approve'))
    expect(onEdit).not.toHaveBeenCalled()
    expect(screen.getByText('Required')).toBeTruthy()
    await user.type(screen.getByRole('textbox', { name: 'Path' }), '/tmp/{Enter}')
    expect(onEdit).toHaveBeenCalledWith({ path: '/tmp/', force: false })
    expect(screen.getByRole('alert').textContent).toBe('path: must not be a directory')
    expect(root().getAttribute('data-state')).toBe('pending')
    expect(root().getAttribute('data-mode')).toBe('editing')
    expect(button('Approve').disabled).toBe(false)
  })

  it('edits as JSON text without a schema, with a parse message for bad JSON', async () => {
    const onEdit = vi.fn(() => undefined)
    const user = userEvent.setup()
    render(<Card approval={base} onEdit={onEdit} />)
    await user.click(button('Edit'))
    const json = screen.getByRole('textbox', { name: 'JSON' })
    await user.clear(json)
    await user.type(json, '{{"path": ')
    await user.click(button('Approve'))
    expect(screen.getByText(/^Invalid JSON: /)).toBeTruthy()
    expect(onEdit).not.toHaveBeenCalled()
    await user.type(json, '"/x"}')
    await user.click(button('Approve'))
    expect(onEdit).toHaveBeenCalledWith({ path: '/x' })
  })

  it('keyboard: Alt+E edits, Escape closes, Alt+D asks for a reason, Alt+A approves', async () => {
    const onApprove = vi.fn()
    const user = userEvent.setup()
    render(<Card approval={base} onApprove={onApprove} />)
    button('Approve').focus()
    await user.keyboard('{Alt>}e{/Alt}')
    expect(root().getAttribute('data-mode')).toBe('editing')
    await user.keyboard('{Escape}')
    expect(root().getAttribute('data-mode')).toBe('idle')
    expect(document.activeElement).toBe(button('Approve'))
    await user.keyboard('{Alt>}d{/Alt}')
    expect(root().getAttribute('data-mode')).toBe('denying')
    await user.keyboard('{Escape}')
    await user.keyboard('{Alt>}a{/Alt}')
    expect(onApprove).toHaveBeenCalledTimes(1)
  })

  it('shows approval.error and the decided states through data-state', () => {
    const { rerender } = render(
      <Card
        approval={{
          ...base,
          state: 'resolved',
          decision: { type: 'denied', reason: 'no', argsHash: 'h', decidedAt: 1 },
          error: new AgentError('tool_failed', 'disk is read-only'),
        }}
      />,
    )
    expect(root().getAttribute('data-state')).toBe('resolved')
    expect(root().getAttribute('data-decision')).toBe('denied')
    expect(screen.getByRole('alert').textContent).toBe('disk is read-only')
    rerender(<Card approval={{ ...base, state: 'executing' }} />)
    expect(root().getAttribute('aria-busy')).toBe('true')
    expect(button('Approve').disabled).toBe(true)
  })

  it('Cancel works only for an expired approval gated by an interrupt, once', async () => {
    const onCancel = vi.fn()
    const ui = (approval: Approval) => (
      <ToolApproval.Root approval={approval} onCancel={onCancel}>
        <ToolApproval.Cancel />
      </ToolApproval.Root>
    )
    const { rerender } = render(ui({ ...base, interruptId: 'i1' }))
    expect(button('Cancel').disabled).toBe(true)
    rerender(ui({ ...base, state: 'expired' }))
    expect(button('Cancel').disabled).toBe(true)
    rerender(ui({ ...base, state: 'expired', interruptId: 'i1' }))
    await userEvent.setup().dblClick(button('Cancel'))
    expect(onCancel).toHaveBeenCalledTimes(1)
  })

  it('asChild renders the child element with the part behaviour and composed handlers', async () => {
    const onApprove = vi.fn()
    const mine = vi.fn()
    render(
      <ToolApproval.Root approval={base} onApprove={onApprove} asChild>
        <section className="mine">
          <ToolApproval.Approve asChild>
            <button type="button" className="big" onClick={mine}>
              Yes
            </button>
          </ToolApproval.Approve>
        </section>
      </ToolApproval.Root>,
    )
    const section = document.querySelector('section')!
    expect(section.getAttribute('data-awr')).toBe('tool-approval')
    expect(section.className).toBe('mine')
    await userEvent.setup().click(button('Yes'))
    expect(mine).toHaveBeenCalledTimes(1)
    expect(onApprove).toHaveBeenCalledTimes(1)
    expect(button('Yes').getAttribute('aria-keyshortcuts')).toBe('Alt+A')
  })

  it('an app handler calling preventDefault vetoes the part behaviour', async () => {
    const onApprove = vi.fn()
    render(
      <ToolApproval.Root approval={base} onApprove={onApprove}>
        <ToolApproval.Approve onClick={(e) => e.preventDefault()} />
      </ToolApproval.Root>,
    )
    await userEvent.setup().click(button('Approve'))
    expect(onApprove).not.toHaveBeenCalled()
  })

  it('mode can be controlled', async () => {
    function Controlled() {
      const [mode, setMode] = useState<'idle' | 'denying' | 'editing'>('editing')
      return (
        <>
          <span data-testid="mode">{mode}</span>
          <Card approval={base} mode={mode} onModeChange={setMode} />
        </>
      )
    }
    render(<Controlled />)
    expect(screen.getByRole('textbox', { name: 'JSON' })).toBeTruthy()
    await userEvent.setup().click(button('Edit'))
    expect(screen.getByTestId('mode').textContent).toBe('idle')
  })
})

describe('ToolApproval autoFocus', () => {
  it('focuses Approve when it becomes pending, once per call', () => {
    const { rerender } = render(
      <Card approval={{ ...base, toolCallId: 'f1', state: 'awaiting_args' }} autoFocus />,
    )
    expect(document.activeElement).toBe(document.body)
    rerender(<Card approval={{ ...base, toolCallId: 'f1' }} autoFocus />)
    expect(document.activeElement).toBe(button('Approve'))
    ;(document.activeElement as HTMLElement).blur()
    cleanup()
    render(<Card approval={{ ...base, toolCallId: 'f1' }} autoFocus />)
    expect(document.activeElement).toBe(document.body)
  })

  it('does not take focus from a text field the person is typing in; an empty one does not count', () => {
    // Composer holding text: focus stays there.
    const view = render(<textarea aria-label="Draft" defaultValue="half a sentence" />)
    const draft = screen.getByRole('textbox', { name: 'Draft' })
    draft.focus()
    view.rerender(
      <>
        <textarea aria-label="Draft" defaultValue="half a sentence" />
        <Card approval={{ ...base, toolCallId: 't2' }} autoFocus />
      </>,
    )
    expect(document.activeElement).toBe(draft)
    cleanup()
    // Empty composer (as left after a send): focus moves to the card.
    const empty = render(<textarea aria-label="Composer" />)
    screen.getByRole('textbox', { name: 'Composer' }).focus()
    empty.rerender(
      <>
        <textarea aria-label="Composer" />
        <Card approval={{ ...base, toolCallId: 't3' }} autoFocus />
      </>,
    )
    expect(document.activeElement).toBe(button('Approve'))
  })

  it('of two cards appearing together the first keeps focus', () => {
    render(
      <>
        <Card approval={{ ...base, toolCallId: 'p1' }} autoFocus aria-label="first" />
        <Card approval={{ ...base, toolCallId: 'p2' }} autoFocus aria-label="second" />
      </>,
    )
    const first = screen.getByRole('group', { name: 'first' })
    expect(first.contains(document.activeElement)).toBe(true)
  })
})
