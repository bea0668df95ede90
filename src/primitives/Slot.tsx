import {
  Children,
  cloneElement,
  forwardRef,
  isValidElement,
  version,
  type CSSProperties,
  type HTMLAttributes,
  type ReactElement,
  type ReactNode,
  type Ref,
} from 'react'
import { composeRefs } from './composeRefs'

/** Props of {@link Slot}: any HTML attributes, merged into the single child element. */
export interface SlotProps extends HTMLAttributes<HTMLElement> {
  children?: ReactNode
}

type AnyProps = Record<string, unknown>

const reactMajor = Number.parseInt(version, 10)

/** The child's own ref: a prop since React 19, `element.ref` before. */
function childRef(element: ReactElement): Ref<unknown> | undefined {
  if (reactMajor >= 19) return (element.props as AnyProps).ref as Ref<unknown> | undefined
  return (element as unknown as { ref?: Ref<unknown> }).ref
}

/**
 * Merges the slot's props into the child's: event handlers (`on[A-Z]…`) both run, the child's
 * first; `className`s are joined; `style`s are merged (child wins); any other prop of the child
 * wins over the slot's. Refs are composed.
 */
export function mergeSlotProps(slotProps: AnyProps, childProps: AnyProps): AnyProps {
  const merged: AnyProps = { ...slotProps }
  for (const [name, childValue] of Object.entries(childProps)) {
    const slotValue = slotProps[name]
    if (/^on[A-Z]/.test(name) && typeof slotValue === 'function') {
      merged[name] =
        typeof childValue === 'function'
          ? (...args: unknown[]) => {
              const result = (childValue as (...a: unknown[]) => unknown)(...args)
              ;(slotValue as (...a: unknown[]) => unknown)(...args)
              return result
            }
          : slotValue
    } else if (name === 'className') {
      merged.className = [slotValue, childValue].filter(Boolean).join(' ')
    } else if (name === 'style') {
      merged.style = { ...(slotValue as CSSProperties), ...(childValue as CSSProperties) }
    } else if (childValue !== undefined) {
      merged[name] = childValue
    }
  }
  return merged
}

/**
 * Renders its only child element with the slot's props merged in (see {@link mergeSlotProps}):
 * the `asChild` mechanism of every part (Radix anatomy). `<Approve asChild><a href="#">OK</a>
 * </Approve>` renders the `<a>` with the part's behaviour, ARIA and `data-*` attributes.
 * A child that is not a single element renders nothing.
 */
export const Slot = forwardRef<HTMLElement, SlotProps>(function Slot(
  { children, ...slotProps },
  forwardedRef,
) {
  if (!isValidElement(children)) {
    return Children.count(children) === 0 ? null : (Children.only(children) as ReactNode)
  }
  const element = children as ReactElement<AnyProps>
  const props = mergeSlotProps(slotProps as AnyProps, element.props)
  props.ref = forwardedRef ? composeRefs(forwardedRef, childRef(element)) : childRef(element)
  return cloneElement(element, props)
})
