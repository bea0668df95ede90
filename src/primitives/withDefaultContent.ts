import { cloneElement, isValidElement, type ReactNode } from 'react'

/**
 * The content of a part that shows a default text (a name, a status, a message): the part's
 * children, else `fallback`. With `asChild` the only child is the rendered element, so an empty
 * child element (`<Part asChild><h3 /></Part>`) gets `fallback` as its content.
 */
export function withDefaultContent(
  asChild: boolean | undefined,
  children: ReactNode,
  fallback: ReactNode,
): ReactNode {
  if (!asChild) return children ?? fallback
  if (isValidElement<{ children?: ReactNode }>(children) && children.props.children === undefined)
    return cloneElement(children, undefined, fallback)
  return children
}
