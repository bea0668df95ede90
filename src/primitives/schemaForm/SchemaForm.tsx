import { forwardRef, type HTMLAttributes } from 'react'
import { SchemaField } from './SchemaField'
import type { SchemaFormController } from './useSchemaForm'

/** Props of {@link SchemaForm}: a `div`'s attributes plus the form. */
export interface SchemaFormProps extends HTMLAttributes<HTMLDivElement> {
  /** The form state, from `useSchemaForm({ schema, defaultValue })`. */
  form: SchemaFormController
}

/**
 * Every field of a JSON-Schema-driven form, in schema order (see {@link SchemaField} for the
 * controls). Renders a `div[data-awr="schema-form"][data-mode]`, not a `<form>`: place it inside
 * your own form (or `Interrupt.Form`) and call `form.validate()` on submit.
 *
 * @example
 * const form = useSchemaForm({ schema: { type: 'object', properties: { name: { type: 'string' } } } })
 * <form onSubmit={(e) => { e.preventDefault(); const r = form.validate(); if (r.ok) send(r.value) }}>
 *   <SchemaForm form={form} /><button>Send</button>
 * </form>
 */
export const SchemaForm = forwardRef<HTMLDivElement, SchemaFormProps>(function SchemaForm(
  { form, ...props },
  ref,
) {
  return (
    <div {...props} ref={ref} data-awr="schema-form" data-mode={form.layout.mode}>
      {form.layout.fields.map((field) => (
        <SchemaField key={field.key} form={form} name={field.key} />
      ))}
    </div>
  )
})
