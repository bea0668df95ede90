import { useId, type HTMLAttributes, type ReactNode } from 'react'

/** Props of the `section` every status part renders. */
export interface StatusSectionProps extends HTMLAttributes<HTMLElement> {
  /** Heading level of the part's title. Default 3. */
  headingLevel?: 2 | 3 | 4
}

/**
 * A `section` labelled by its own heading; `part` becomes `data-awr`. `role="group"` keeps the
 * parts out of the landmark list (a board shows many pages with the same part titles).
 * @internal
 */
export function StatusSection({
  part,
  title,
  headingLevel = 3,
  children,
  ...rest
}: StatusSectionProps & { part: string; title: string; children: ReactNode }): ReactNode {
  const id = useId()
  const Heading = `h${headingLevel}` as const
  return (
    <section role="group" aria-labelledby={id} data-awr={part} {...rest}>
      <Heading id={id}>{title}</Heading>
      {children}
    </section>
  )
}
