// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { AgentError } from '../../src/core/protocol/AgentError'
import type { InterruptView } from '../../src/core/reducer/AgentSnapshot'
import { Interrupt, type InterruptRootProps } from '../../src/primitives'
import { axeViolations } from '../components/chatTestUtils'

afterEach(() => {
  cleanup()
  vi.useRealTimers()
})

const question: InterruptView = {
  id: 'int-1',
  reason: 'input_required',
  message: 'Which account should I use?',
  state: 'open',
  responseSchema: {
    type: 'object',
    properties: {
      account: { type: 'string', enum: ['personal', 'work'] },
      note: { type: 'string' },
    },
    required: ['account'],
  },
}

function Prompt(props: InterruptRootProps) {
  return (
    <Interrupt.Root aria-label="Input needed" {...props}>
      <Interrupt.Message />
      <Interrupt.Countdown />
      <Interrupt.Form>
        <Interrupt.Field />
        <Interrupt.Error />
      </Interrupt.Form>
      <Interrupt.Submit />
      <Interrupt.Cancel />
    </Interrupt.Root>
  )
}

const root = () => document.querySelector<HTMLElement>('[data-awr="interrupt"]')!
const button = (name: string) => screen.getByRole('button', { name }) as HTMLButtonElement

describe('Interrupt primitives (plain props)', () => {
  it('renders message, generated fields, Submit and Cancel; submits the typed payload', async () => {
    const onRespond = vi.fn(() => undefined)
    const user = userEvent.setup()
    const { container } = render(<Prompt interrupt={question} onRespond={onRespond} />)
    expect(root().getAttribute('data-state')).toBe('open')
    expect(root().getAttribute('data-reason')).toBe('input_required')
    expect(root().getAttribute('aria-describedby')).toBe(
      screen.getByText('Which account should I use?').id,
    )
    expect(await axeViolations(container)).toEqual([])
    await user.click(button('Submit'))
    expect(onRespond).not.toHaveBeenCalled()
    expect(screen.getByText('Required')).toBeTruthy()
    expect(document.activeElement).toBe(screen.getByRole('combobox', { name: 'Account' }))
    await user.selectOptions(screen.getByRole('combobox', { name: 'Account' }), 'work')
    await user.type(screen.getByRole('textbox', { name: 'Note' }), 'thanks{Enter}')
    expect(onRespond).toHaveBeenCalledWith({ account: 'work', note: 'thanks' })
    expect(onRespond).toHaveBeenCalledTimes(1)
    expect(button('Submit').disabled).toBe(true)
    expect(button('Cancel').disabled).toBe(true)
  })

  it('shows the message of a rejected answer and lets the person try again', async () => {
    const onRespond = vi
      .fn<(p: unknown) => AgentError | undefined>()
      .mockReturnValueOnce(new AgentError('invalid_payload', '/account: not allowed today'))
      .mockReturnValue(undefined)
    const user = userEvent.setup()
    render(<Prompt interrupt={question} onRespond={onRespond} />)
    await user.selectOptions(screen.getByRole('combobox', { name: 'Account' }), 'personal')
    await user.click(button('Submit'))
    expect(screen.getByRole('alert').textContent).toBe('/account: not allowed today')
    expect(button('Submit').disabled).toBe(false)
    await user.click(button('Submit'))
    expect(onRespond).toHaveBeenCalledTimes(2)
    expect(screen.queryByRole('alert')).toBeNull()
  })

  it('without a responseSchema offers a JSON editor (empty sends no payload)', async () => {
    const onRespond = vi.fn(() => undefined)
    render(
      <Prompt interrupt={{ id: 'i', reason: 'confirm', state: 'open' }} onRespond={onRespond} />,
    )
    expect(screen.getByRole('textbox', { name: 'JSON' })).toBeTruthy()
    await userEvent.setup().click(button('Submit'))
    expect(onRespond).toHaveBeenCalledWith(undefined)
  })

  it('Cancel calls onCancel once', async () => {
    const onCancel = vi.fn()
    render(<Prompt interrupt={question} onCancel={onCancel} />)
    await userEvent.setup().dblClick(button('Cancel'))
    expect(onCancel).toHaveBeenCalledTimes(1)
  })

  it('shows interrupt.error (e.g. resume_rejected)', () => {
    render(
      <Prompt
        interrupt={{ ...question, error: new AgentError('resume_rejected', 'The server said no') }}
      />,
    )
    expect(screen.getByRole('alert').textContent).toBe('The server said no')
  })

  it('a store-expired interrupt shows only Cancel', () => {
    render(<Prompt interrupt={{ ...question, state: 'expired', expiresAtMs: 1 }} />)
    expect(root().getAttribute('data-state')).toBe('expired')
    expect(screen.queryByRole('button', { name: 'Submit' })).toBeNull()
    expect(screen.queryByRole('combobox')).toBeNull()
    expect(button('Cancel').disabled).toBe(false)
    expect(screen.getByRole('timer').textContent).toContain('Expired')
  })
})

describe('Interrupt countdown and expiry (fake clock)', () => {
  it('the timer text follows the root: store-expired before the local deadline reads Expired', () => {
    vi.useFakeTimers({ now: 1_000_000 })
    render(<Prompt interrupt={{ ...question, state: 'expired', expiresAtMs: 1_000_000 + 1_500 }} />)
    expect(root().getAttribute('data-state')).toBe('expired')
    const timer = screen.getByRole('timer')
    expect(timer.getAttribute('data-state')).toBe('expired')
    expect(timer.querySelector('[data-part="text"]')!.textContent).toBe('Expired')
  })

  it('counts down every second, announces at one minute and at expiry, then offers only Cancel', () => {
    vi.useFakeTimers({ now: new Date('2026-01-01T00:00:00Z') })
    const expiresAtMs = Date.now() + 62_000
    render(<Prompt interrupt={{ ...question, expiresAtMs }} />)
    const timer = screen.getByRole('timer')
    const text = () => timer.querySelector('[data-part="text"]')!.textContent
    const announcement = () => timer.querySelector('[aria-live="polite"]')!.textContent
    expect(timer.getAttribute('aria-live')).toBe('off')
    expect(text()).toBe('Expires in 1:02')
    expect(announcement()).toBe('')
    act(() => vi.advanceTimersByTime(1000))
    expect(text()).toBe('Expires in 1:01')
    act(() => vi.advanceTimersByTime(1000))
    expect(text()).toBe('Expires in 1:00')
    expect(announcement()).toBe('Expires in 1 minute')
    act(() => vi.advanceTimersByTime(1000))
    expect(text()).toBe('Expires in 0:59')
    expect(announcement()).toBe('Expires in 1 minute')
    expect(button('Submit')).toBeTruthy()
    act(() => vi.advanceTimersByTime(59_000))
    expect(root().getAttribute('data-state')).toBe('expired')
    expect(text()).toBe('Expired')
    expect(announcement()).toBe('Expired')
    expect(screen.queryByRole('button', { name: 'Submit' })).toBeNull()
    expect(screen.queryByRole('combobox')).toBeNull()
    const onCancel = vi.fn()
    cleanup()
    render(<Prompt interrupt={{ ...question, expiresAtMs }} onCancel={onCancel} />)
    expect(screen.getAllByRole('button').map((b) => b.textContent)).toEqual(['Cancel'])
    fireEvent.click(button('Cancel'))
    expect(onCancel).toHaveBeenCalledTimes(1)
  })

  it('does not announce a crossing that happened before it was shown', () => {
    vi.useFakeTimers({ now: 1_000_000 })
    render(<Prompt interrupt={{ ...question, expiresAtMs: 1_000_000 + 30_000 }} />)
    const timer = screen.getByRole('timer')
    expect(timer.querySelector('[aria-live="polite"]')!.textContent).toBe('')
    act(() => vi.advanceTimersByTime(5_000))
    expect(timer.querySelector('[aria-live="polite"]')!.textContent).toBe('')
    expect(timer.textContent).toBe('Expires in 0:25')
  })

  it('formats hours', () => {
    vi.useFakeTimers({ now: 0 })
    render(<Prompt interrupt={{ ...question, expiresAtMs: 3_725_000 }} />)
    expect(screen.getByRole('timer').textContent).toBe('Expires in 1:02:05')
  })
})

describe('Interrupt autoFocus', () => {
  it('focuses the first field of a new open interrupt', () => {
    render(<Prompt interrupt={{ ...question, id: 'focus-1' }} autoFocus />)
    expect(document.activeElement).toBe(screen.getByRole('combobox', { name: 'Account' }))
  })
})
