import { useCallback, useId, useMemo, useState } from 'react'
import { fromRaw, toRaw, type FieldRaw } from './fieldValue'
import {
  describeSchemaForm,
  type FieldSpec,
  type JsonSchema,
  type SchemaFormLayout,
} from './JsonSchema'
import { defaultSchemaFormMessages, type SchemaFormMessages } from './SchemaFormMessages'

/** Options of {@link useSchemaForm}. */
export interface UseSchemaFormOptions {
  /** The JSON Schema to edit a value of; `undefined` edits any JSON value as text. */
  schema: JsonSchema | undefined
  /**
   * The value the controls start from (e.g. the tool call's arguments being edited); fields it
   * lacks start from their schema `default`. Read on mount and on `reset()`. Object properties
   * the schema does not list are kept in the result as they are.
   */
  defaultValue?: unknown
  /** Overrides of the English validation messages and control names. */
  messages?: Partial<SchemaFormMessages>
  /** Disables every control (e.g. an answered or expired interrupt). Default `false`. */
  disabled?: boolean
}

/** The outcome of reading a form: the value, or a message per invalid field key. */
export type SchemaFormResult =
  { ok: true; value: unknown } | { ok: false; errors: Readonly<Record<string, string>> }

/** What {@link useSchemaForm} returns; pass it to `SchemaForm` / `SchemaField`. */
export interface SchemaFormController {
  layout: SchemaFormLayout
  messages: SchemaFormMessages
  disabled: boolean
  /** The DOM id of a field's control (or of its fieldset, for lists). */
  fieldId: (key: string) => string
  /** The controls' state of a field. */
  raw: (key: string) => FieldRaw
  /** Replaces a field's controls' state. */
  setRaw: (key: string, raw: FieldRaw) => void
  /** Marks a field as visited: its validation message shows from now on. */
  touch: (key: string) => void
  /** The message shown under a field (after a blur or a `validate()`), if invalid. */
  error: (key: string) => string | undefined
  /** Reads the value without showing messages. */
  read: () => SchemaFormResult
  /** Reads the value and shows every field's message (they then update as the person types). */
  validate: () => SchemaFormResult
  /** Moves focus to the first invalid field's control; returns whether it found one. */
  focusFirstInvalid: () => boolean
  /** Back to `defaultValue`, messages hidden. */
  reset: () => void
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

function initialRaw(layout: SchemaFormLayout, value: unknown): Record<string, FieldRaw> {
  const raw: Record<string, FieldRaw> = {}
  for (const field of layout.fields) {
    const v =
      layout.mode === 'object' ? (isPlainObject(value) ? value[field.key] : undefined) : value
    raw[field.key] = toRaw(field, v)
  }
  return raw
}

/** Builds the value from the controls' state; `errors` has one message per invalid field. */
export function readSchemaForm(
  layout: SchemaFormLayout,
  raw: Readonly<Record<string, FieldRaw>>,
  base: unknown,
  messages: SchemaFormMessages,
): { value: unknown; errors: Record<string, string> } {
  const errors: Record<string, string> = {}
  const read = (field: FieldSpec) => {
    const result = fromRaw(field, raw[field.key], messages)
    if (result.error) errors[field.key] = result.error
    return result
  }
  if (layout.mode !== 'object') {
    const result = read(layout.fields[0])
    return { value: result.present ? result.value : undefined, errors }
  }
  const value: Record<string, unknown> = {}
  const keys = new Set(layout.fields.map((f) => f.key))
  if (isPlainObject(base)) for (const [k, v] of Object.entries(base)) if (!keys.has(k)) value[k] = v
  for (const field of layout.fields) {
    const result = read(field)
    if (result.present) value[field.key] = result.value
  }
  return { value, errors }
}

/**
 * State and validation of a form generated from a JSON Schema (see `describeSchemaForm` for the
 * layout rules). Headless: render it with `SchemaForm` (all fields) or `SchemaField` (one).
 * Validation covers what the controls can get wrong (required, lengths, pattern, bounds,
 * integer-ness, item counts, JSON syntax) with readable messages; the store validates the
 * submitted value against the whole schema again and its `AgentError` is the final word.
 */
export function useSchemaForm({
  schema,
  defaultValue,
  messages: overrides,
  disabled = false,
}: UseSchemaFormOptions): SchemaFormController {
  const layout = useMemo(() => describeSchemaForm(schema), [schema])
  const messages = useMemo(() => ({ ...defaultSchemaFormMessages, ...overrides }), [overrides])
  const prefix = useId()
  const [base] = useState(() => defaultValue)
  const [state, setState] = useState(() => ({
    raw: initialRaw(layout, defaultValue),
    touched: new Set<string>(),
    validated: false,
  }))

  const rawOf = useCallback(
    (key: string): FieldRaw => {
      if (key in state.raw) return state.raw[key]
      const field = layout.fields.find((f) => f.key === key)
      return field ? initialRaw({ ...layout, fields: [field] }, base)[key] : undefined
    },
    [state.raw, layout, base],
  )

  return useMemo<SchemaFormController>(() => {
    const allRaw: Record<string, FieldRaw> = {}
    for (const f of layout.fields) allRaw[f.key] = rawOf(f.key)
    const current = readSchemaForm(layout, allRaw, base, messages)
    const result = (): SchemaFormResult =>
      Object.keys(current.errors).length > 0
        ? { ok: false, errors: current.errors }
        : { ok: true, value: current.value }
    const fieldId = (key: string) => {
      const index = layout.fields.findIndex((f) => f.key === key)
      return `${prefix}f${index}`
    }
    return {
      layout,
      messages,
      disabled,
      fieldId,
      raw: rawOf,
      setRaw: (key, raw) => setState((s) => ({ ...s, raw: { ...s.raw, [key]: raw } })),
      touch: (key) =>
        setState((s) => (s.touched.has(key) ? s : { ...s, touched: new Set(s.touched).add(key) })),
      error: (key) => (state.validated || state.touched.has(key) ? current.errors[key] : undefined),
      read: result,
      validate: () => {
        setState((s) => (s.validated ? s : { ...s, validated: true }))
        return result()
      },
      focusFirstInvalid: () => {
        const first = layout.fields.find((f) => current.errors[f.key] !== undefined)
        if (!first || typeof document === 'undefined') return false
        const el = document.getElementById(fieldId(first.key))
        const target = el?.matches('input, select, textarea')
          ? el
          : el?.querySelector<HTMLElement>('input, select, textarea, button')
        target?.focus()
        return target != null
      },
      reset: () =>
        setState({ raw: initialRaw(layout, base), touched: new Set(), validated: false }),
    }
  }, [layout, messages, disabled, prefix, rawOf, base, state])
}
