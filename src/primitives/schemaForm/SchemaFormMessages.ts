/**
 * User-visible strings of {@link SchemaForm}: validation messages and control names. `{name}`
 * placeholders are replaced by {@link formatMessage}. Override any subset through the
 * `messages` option of `useSchemaForm` (the styled components take them from `ChatLabels`).
 */
export interface SchemaFormMessages {
  /** A required field is empty. */
  required: string
  /** A number field holds no number. */
  invalidNumber: string
  /** An integer field holds a fraction or no number. */
  invalidInteger: string
  /** `minimum` (placeholder `{min}`). */
  minimum: string
  /** `maximum` (`{max}`). */
  maximum: string
  /** `exclusiveMinimum` (`{min}`). */
  exclusiveMinimum: string
  /** `exclusiveMaximum` (`{max}`). */
  exclusiveMaximum: string
  /** `multipleOf` (`{step}`). */
  multipleOf: string
  /** `minLength` in characters (`{min}`). */
  minLength: string
  /** `maxLength` in characters (`{max}`). */
  maxLength: string
  /** `pattern` does not match. */
  pattern: string
  /** `minItems` (`{min}`). */
  minItems: string
  /** `maxItems` (`{max}`). */
  maxItems: string
  /** A JSON editor holds text that does not parse (`{error}`: the parser's message). */
  invalidJson: string
  /** Placeholder option of an enum select. */
  chooseOption: string
  /** Add button of an array field. */
  addItem: string
  /** Accessible name of an array item's input (`{label}`, `{index}` from 1). */
  item: string
  /** Remove button of an array item (`{label}`, `{index}` from 1). */
  removeItem: string
  /** Label of a JSON editor for a whole value (a form whose schema has no fields). */
  json: string
}

/** English defaults of {@link SchemaFormMessages}. */
export const defaultSchemaFormMessages: SchemaFormMessages = {
  required: 'Required',
  invalidNumber: 'Enter a number',
  invalidInteger: 'Enter a whole number',
  minimum: 'Must be at least {min}',
  maximum: 'Must be at most {max}',
  exclusiveMinimum: 'Must be greater than {min}',
  exclusiveMaximum: 'Must be less than {max}',
  multipleOf: 'Must be a multiple of {step}',
  minLength: 'Use at least {min} characters',
  maxLength: 'Use at most {max} characters',
  pattern: 'Does not match the expected format',
  minItems: 'Add at least {min} items',
  maxItems: 'Add at most {max} items',
  invalidJson: 'Invalid JSON: {error}',
  chooseOption: 'Choose…',
  addItem: 'Add',
  item: '{label} {index}',
  removeItem: 'Remove {label} {index}',
  json: 'JSON',
}

/** Replaces each `{name}` in `template` by `params[name]` (unknown names stay as they are). */
export function formatMessage(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) =>
    name in params ? String(params[name]) : match,
  )
}
