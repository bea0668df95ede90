// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { cleanup, fireEvent, render, screen } from '@testing-library/react'
import { createRef } from 'react'
import {
  Slot,
  composeEventHandlers,
  mergeSlotProps,
  useControllableState,
} from '../../src/primitives'

afterEach(cleanup)

describe('Slot', () => {
  it('merges props into its child: handlers both run (child first), classes joined, styles merged, refs composed', () => {
    const calls: string[] = []
    const slotRef = createRef<HTMLElement>()
    const childRef = createRef<HTMLAnchorElement>()
    render(
      <Slot
        ref={slotRef}
        className="part"
        style={{ color: 'red', margin: 1 }}
        data-state="pending"
        onClick={() => calls.push('slot')}
      >
        <a
          ref={childRef}
          href="#x"
          className="app"
          style={{ color: 'blue' }}
          onClick={() => calls.push('child')}
        >
          go
        </a>
      </Slot>,
    )
    const link = screen.getByRole('link', { name: 'go' })
    fireEvent.click(link)
    expect(calls).toEqual(['child', 'slot'])
    expect(link.className).toBe('part app')
    expect(link.getAttribute('style')).toContain('color: blue')
    expect(link.getAttribute('style')).toContain('margin: 1px')
    expect(link.getAttribute('data-state')).toBe('pending')
    expect(slotRef.current).toBe(link)
    expect(childRef.current).toBe(link)
  })

  it('renders nothing without an element child', () => {
    const { container } = render(<Slot>{null}</Slot>)
    expect(container.innerHTML).toBe('')
  })

  it('mergeSlotProps: the child wins for plain props', () => {
    expect(mergeSlotProps({ id: 'a', title: 't' }, { id: 'b' })).toEqual({ id: 'b', title: 't' })
  })
})

describe('composeEventHandlers', () => {
  it('skips the part handler when the app handler prevented the default', () => {
    const ours = vi.fn()
    const handler = composeEventHandlers<{ defaultPrevented: boolean; preventDefault(): void }>(
      (e) => e.preventDefault(),
      ours,
    )
    const event = {
      defaultPrevented: false,
      preventDefault() {
        this.defaultPrevented = true
      },
    }
    handler(event)
    expect(ours).not.toHaveBeenCalled()
  })
})

describe('useControllableState', () => {
  function Toggle(props: { on?: boolean; onChange?: (v: boolean) => void }) {
    const [on, setOn] = useControllableState({
      prop: props.on,
      defaultProp: false,
      onChange: props.onChange,
    })
    return (
      <button type="button" onClick={() => setOn((v) => !v)}>
        {on ? 'on' : 'off'}
      </button>
    )
  }

  it('uncontrolled: keeps its own state and reports changes', () => {
    const onChange = vi.fn()
    render(<Toggle onChange={onChange} />)
    fireEvent.click(screen.getByRole('button'))
    expect(screen.getByRole('button').textContent).toBe('on')
    expect(onChange).toHaveBeenCalledWith(true)
  })

  it('controlled: shows the prop and only reports', () => {
    const onChange = vi.fn()
    const { rerender } = render(<Toggle on={false} onChange={onChange} />)
    fireEvent.click(screen.getByRole('button'))
    expect(screen.getByRole('button').textContent).toBe('off')
    expect(onChange).toHaveBeenCalledWith(true)
    rerender(<Toggle on onChange={onChange} />)
    expect(screen.getByRole('button').textContent).toBe('on')
  })
})
