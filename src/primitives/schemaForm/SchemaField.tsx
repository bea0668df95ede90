import type { ChangeEvent, ReactNode } from 'react'
import type { FieldRaw } from './fieldValue'
import type { FieldSpec, ScalarKind } from './JsonSchema'
import { formatMessage } from './SchemaFormMessages'
import type { SchemaFormController } from './useSchemaForm'

/** Props of {@link SchemaField}. */
export interface SchemaFieldProps {
  /** The form, from `useSchemaForm`. */
  form: SchemaFormController
  /** Property name of the field (`''` for a single-value form). */
  name: string
}

interface ControlProps {
  id?: string
  kind: ScalarKind
  field: FieldSpec
  schema: FieldSpec['schema']
  raw: string | boolean | undefined
  onChange: (raw: string | boolean) => void
  onBlur: () => void
  disabled: boolean
  describedBy?: string
  invalid: boolean
  ariaLabel?: string
  placeholder: string
}

const optionText = (o: unknown) => (typeof o === 'string' ? o : JSON.stringify(o))

function inputType(format: unknown): string {
  if (format === 'email') return 'email'
  if (format === 'uri' || format === 'url') return 'url'
  if (format === 'date') return 'date'
  return 'text'
}

/** One scalar control: text/number input, checkbox, or select. */
function ScalarControl(p: ControlProps): ReactNode {
  const common = {
    id: p.id,
    disabled: p.disabled,
    onBlur: p.onBlur,
    'aria-invalid': p.invalid || undefined,
    'aria-describedby': p.describedBy,
    'aria-label': p.ariaLabel,
    'aria-required': p.field.required && !p.ariaLabel ? true : undefined,
    'data-part': 'control',
  }
  if (p.kind === 'boolean') {
    return (
      <input
        {...common}
        type="checkbox"
        checked={p.raw === true}
        onChange={(e: ChangeEvent<HTMLInputElement>) => p.onChange(e.target.checked)}
      />
    )
  }
  const text = typeof p.raw === 'string' ? p.raw : ''
  if (p.kind === 'enum') {
    const options = p.field.options ?? []
    return (
      <select {...common} value={text} onChange={(e) => p.onChange(e.target.value)}>
        {(text === '' || !p.field.required) && <option value="">{p.placeholder}</option>}
        {options.map((o, i) => (
          <option key={i} value={String(i)}>
            {optionText(o)}
          </option>
        ))}
      </select>
    )
  }
  const numeric = p.kind === 'number' || p.kind === 'integer'
  const long =
    p.kind === 'string' && (p.schema.format === 'textarea' || (p.schema.maxLength ?? 0) > 200)
  if (long) {
    return (
      <textarea {...common} rows={3} value={text} onChange={(e) => p.onChange(e.target.value)} />
    )
  }
  return (
    <input
      {...common}
      type={numeric ? 'text' : inputType(p.schema.format)}
      inputMode={numeric ? (p.kind === 'integer' ? 'numeric' : 'decimal') : undefined}
      value={text}
      onChange={(e) => p.onChange(e.target.value)}
    />
  )
}

/**
 * One field of a schema form, by property name: label (`title`, else the name in words; a `*`
 * marks required fields), description (`description`), the control(s) and the validation
 * message (`aria-describedby`, `aria-invalid`). Controls: text input (`string`; email/url/date
 * inputs by `format`; a textarea for `format: 'textarea'` or `maxLength` > 200), text input
 * with a numeric keyboard (`number`, `integer`), checkbox (`boolean`), select (`enum`/`const`),
 * a checkbox group (array of enum), a list with Add/Remove (array of scalars), a JSON textarea
 * otherwise. Headless: only `data-awr="schema-field"`, `data-kind`, `data-invalid` and
 * `data-part` (`label`, `description`, `control`, `error`, `items`, `add`, `remove`) to style.
 */
export function SchemaField({ form, name }: SchemaFieldProps): ReactNode {
  const field = form.layout.fields.find((f) => f.key === name)
  if (!field) return null
  const m = form.messages
  const id = form.fieldId(name)
  const error = form.error(name)
  const label = field.label || m.json
  const descId = field.schema.description ? `${id}-description` : undefined
  const errorId = error ? `${id}-error` : undefined
  const describedBy = [descId, errorId].filter(Boolean).join(' ') || undefined
  const raw = form.raw(name)
  const set = (next: FieldRaw) => form.setRaw(name, next)
  const blur = () => form.touch(name)
  const labelText = (
    <>
      {label}
      {field.required && field.kind !== 'boolean' ? <span aria-hidden="true"> *</span> : null}
    </>
  )
  const description = descId ? (
    <div id={descId} data-part="description">
      {field.schema.description}
    </div>
  ) : null
  const errorText = errorId ? (
    <div id={errorId} data-part="error">
      {error}
    </div>
  ) : null
  const wrapper = {
    'data-awr': 'schema-field',
    'data-kind': field.kind,
    'data-invalid': error ? '' : undefined,
  }

  if (field.kind === 'array' || field.kind === 'multiEnum') {
    const list = (Array.isArray(raw) ? raw : []) as Array<string | boolean | number>
    const max = field.schema.maxItems
    return (
      <fieldset {...wrapper} id={id} aria-describedby={describedBy} disabled={form.disabled}>
        <legend data-part="label">{labelText}</legend>
        {description}
        {field.kind === 'multiEnum' ? (
          <div data-part="items">
            {(field.options ?? []).map((o, i) => (
              <label key={i} data-part="option">
                <input
                  type="checkbox"
                  data-part="control"
                  checked={list.includes(i)}
                  onBlur={blur}
                  onChange={(e) =>
                    set(
                      e.target.checked
                        ? [...(list as number[]), i].sort((a, b) => a - b)
                        : (list as number[]).filter((x) => x !== i),
                    )
                  }
                />
                {optionText(o)}
              </label>
            ))}
          </div>
        ) : (
          <ul data-part="items">
            {list.map((item, index) => {
              const itemName = formatMessage(m.item, { label, index: index + 1 })
              return (
                <li key={index} data-part="item">
                  <ScalarControl
                    kind={field.item!.kind}
                    field={field}
                    schema={field.item!.schema}
                    raw={item as string | boolean}
                    onChange={(next) =>
                      set(list.map((x, i) => (i === index ? next : x)) as FieldRaw)
                    }
                    onBlur={blur}
                    disabled={form.disabled}
                    invalid={false}
                    ariaLabel={itemName}
                    placeholder={m.chooseOption}
                  />
                  <button
                    type="button"
                    data-part="remove"
                    aria-label={formatMessage(m.removeItem, { label, index: index + 1 })}
                    onClick={() => set(list.filter((_, i) => i !== index) as FieldRaw)}
                  >
                    ×
                  </button>
                </li>
              )
            })}
          </ul>
        )}
        {field.kind === 'array' && (
          <button
            type="button"
            data-part="add"
            disabled={typeof max === 'number' && list.length >= max}
            onClick={() => set([...list, field.item!.kind === 'boolean' ? false : ''] as FieldRaw)}
          >
            {m.addItem}
          </button>
        )}
        {errorText}
      </fieldset>
    )
  }

  if (field.kind === 'json') {
    const text = typeof raw === 'string' ? raw : ''
    return (
      <div {...wrapper}>
        <label htmlFor={id} data-part="label">
          {labelText}
        </label>
        {description}
        <textarea
          id={id}
          data-part="control"
          spellCheck={false}
          autoCapitalize="off"
          autoCorrect="off"
          rows={Math.min(12, Math.max(3, text.split('\n').length))}
          value={text}
          disabled={form.disabled}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          aria-required={field.required || undefined}
          onChange={(e) => set(e.target.value)}
          onBlur={blur}
        />
        {errorText}
      </div>
    )
  }

  const control = (
    <ScalarControl
      id={id}
      kind={field.kind as ScalarKind}
      field={field}
      schema={field.schema}
      raw={raw as string | boolean | undefined}
      onChange={set}
      onBlur={blur}
      disabled={form.disabled}
      describedBy={describedBy}
      invalid={Boolean(error)}
      placeholder={m.chooseOption}
    />
  )
  return (
    <div {...wrapper}>
      {field.kind === 'boolean' ? (
        <>
          {control}
          <label htmlFor={id} data-part="label">
            {labelText}
          </label>
        </>
      ) : (
        <>
          <label htmlFor={id} data-part="label">
            {labelText}
          </label>
          {control}
        </>
      )}
      {description}
      {errorText}
    </div>
  )
}
