// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest'
import { cleanup, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { z } from 'zod'
import {
  SchemaForm,
  describeSchemaForm,
  useSchemaForm,
  type JsonSchema,
  type SchemaFormResult,
} from '../../src/primitives'
import { axeViolations } from '../components/chatTestUtils'

afterEach(cleanup)

function Harness(props: {
  schema: JsonSchema | undefined
  defaultValue?: unknown
  onResult: (r: SchemaFormResult) => void
}) {
  const form = useSchemaForm({ schema: props.schema, defaultValue: props.defaultValue })
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault()
        const result = form.validate()
        if (!result.ok) form.focusFirstInvalid()
        props.onResult(result)
      }}
    >
      <SchemaForm form={form} />
      <button type="submit">Send</button>
    </form>
  )
}

function setup(schema: JsonSchema | undefined, defaultValue?: unknown) {
  const results: SchemaFormResult[] = []
  const view = render(
    <Harness schema={schema} defaultValue={defaultValue} onResult={(r) => results.push(r)} />,
  )
  const user = userEvent.setup()
  const send = async () => {
    await user.click(screen.getByRole('button', { name: 'Send' }))
    return results.at(-1)!
  }
  return { ...view, user, send, results }
}

const everyKind: JsonSchema = {
  type: 'object',
  properties: {
    title: { type: 'string', title: 'Title', description: 'Shown in the list', maxLength: 10 },
    count: { type: 'integer', minimum: 1, maximum: 5 },
    ratio: { type: 'number', exclusiveMaximum: 1 },
    urgent: { type: 'boolean' },
    color: { type: 'string', enum: ['red', 'green'] },
    level: { enum: [1, 2, 3] },
    tags: { type: 'array', items: { type: 'string' }, maxItems: 2 },
    days: { type: 'array', items: { type: 'string', enum: ['mon', 'tue', 'wed'] } },
    extra: { type: 'object', properties: { a: { type: 'object' } } },
  },
  required: ['title', 'count', 'color'],
}

describe('SchemaForm', () => {
  it('lays out one control per kind, with labels, description and required marks', async () => {
    const { container } = setup(everyKind)
    expect(screen.getByRole('textbox', { name: 'Title' })).toBeTruthy()
    expect(screen.getByRole('textbox', { name: 'Title' }).getAttribute('aria-required')).toBe(
      'true',
    )
    expect(screen.getByText('Shown in the list').id).toBe(
      screen.getByRole('textbox', { name: 'Title' }).getAttribute('aria-describedby'),
    )
    expect(screen.getByRole('textbox', { name: 'Count' }).getAttribute('inputmode')).toBe('numeric')
    expect(screen.getByRole('textbox', { name: 'Ratio' }).getAttribute('inputmode')).toBe('decimal')
    expect(screen.getByRole('checkbox', { name: 'Urgent' })).toBeTruthy()
    const color = screen.getByRole('combobox', { name: 'Color' })
    expect(
      within(color)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Choose…', 'red', 'green'])
    expect(screen.getByRole('group', { name: 'Tags' })).toBeTruthy()
    const days = screen.getByRole('group', { name: 'Days' })
    expect(within(days).getAllByRole('checkbox').length).toBe(3)
    expect(screen.getByRole('textbox', { name: 'Extra' }).tagName).toBe('TEXTAREA')
    const kinds = [...container.querySelectorAll('[data-awr="schema-field"]')].map((el) =>
      el.getAttribute('data-kind'),
    )
    expect(kinds).toEqual([
      'string',
      'integer',
      'number',
      'boolean',
      'enum',
      'enum',
      'array',
      'multiEnum',
      'json',
    ])
    expect(await axeViolations(container)).toEqual([])
  })

  it('builds typed values: numbers, enums of any JSON type, booleans, lists, JSON', async () => {
    const { user, send } = setup(everyKind)
    await user.type(screen.getByRole('textbox', { name: 'Title' }), 'Ship it')
    await user.type(screen.getByRole('textbox', { name: 'Count' }), '3')
    await user.type(screen.getByRole('textbox', { name: 'Ratio' }), '0.25')
    await user.click(screen.getByRole('checkbox', { name: 'Urgent' }))
    await user.selectOptions(screen.getByRole('combobox', { name: 'Color' }), 'green')
    await user.selectOptions(screen.getByRole('combobox', { name: 'Level' }), '2')
    await user.click(screen.getByRole('button', { name: 'Add' }))
    await user.type(screen.getByRole('textbox', { name: 'Tags 1' }), 'a')
    await user.click(screen.getByRole('button', { name: 'Add' }))
    await user.type(screen.getByRole('textbox', { name: 'Tags 2' }), 'b')
    expect((screen.getByRole('button', { name: 'Add' }) as HTMLButtonElement).disabled).toBe(true)
    await user.click(screen.getByRole('checkbox', { name: 'wed' }))
    await user.click(screen.getByRole('checkbox', { name: 'mon' }))
    await user.click(screen.getByRole('textbox', { name: 'Extra' }))
    await user.paste('{"a":{"b":[1]}}')
    expect(await send()).toEqual({
      ok: true,
      value: {
        title: 'Ship it',
        count: 3,
        ratio: 0.25,
        urgent: true,
        color: 'green',
        level: 2,
        tags: ['a', 'b'],
        days: ['mon', 'wed'],
        extra: { a: { b: [1] } },
      },
    })
    await user.click(screen.getByRole('button', { name: 'Remove Tags 1' }))
    expect(await send()).toMatchObject({ ok: true, value: { tags: ['b'] } })
  })

  it('shows readable messages on submit, focuses the first invalid field, clears them as fixed', async () => {
    const { user, send } = setup(everyKind)
    await user.type(screen.getByRole('textbox', { name: 'Title' }), 'far too long title')
    await user.type(screen.getByRole('textbox', { name: 'Count' }), '2.5')
    await user.type(screen.getByRole('textbox', { name: 'Ratio' }), '1')
    await user.click(screen.getByRole('textbox', { name: 'Extra' }))
    await user.paste('{oops')
    const result = await send()
    expect(result.ok).toBe(false)
    const errors = (result as { errors: Record<string, string> }).errors
    expect(errors).toMatchObject({
      title: 'Use at most 10 characters',
      count: 'Enter a whole number',
      ratio: 'Must be less than 1',
      color: 'Required',
    })
    expect(errors.extra).toMatch(/^Invalid JSON: /)
    const title = screen.getByRole('textbox', { name: 'Title' })
    expect(document.activeElement).toBe(title)
    expect(title.getAttribute('aria-invalid')).toBe('true')
    expect(title.getAttribute('aria-describedby')).toContain(
      screen.getByText('Use at most 10 characters').id,
    )
    await user.clear(screen.getByRole('textbox', { name: 'Count' }))
    await user.type(screen.getByRole('textbox', { name: 'Count' }), '9')
    expect(screen.getByText('Must be at most 5')).toBeTruthy()
    expect(screen.queryByText('Enter a whole number')).toBeNull()
  })

  it('shows a field message after the person leaves it, not before', async () => {
    const { user } = setup({ type: 'object', properties: { n: { type: 'number' } } })
    const n = screen.getByRole('textbox', { name: 'N' })
    await user.type(n, 'abc')
    expect(screen.queryByText('Enter a number')).toBeNull()
    await user.tab()
    expect(screen.getByText('Enter a number')).toBeTruthy()
  })

  it('starts from defaultValue and schema defaults, keeps properties the schema does not list', async () => {
    const schema: JsonSchema = {
      type: 'object',
      properties: {
        path: { type: 'string' },
        force: { type: 'boolean', default: true },
        mode: { type: 'string', enum: ['soft', 'hard'], default: 'soft' },
        note: { type: 'string' },
      },
    }
    const { send } = setup(schema, { path: '/tmp/x', other: 42 })
    expect((screen.getByRole('textbox', { name: 'Path' }) as HTMLInputElement).value).toBe('/tmp/x')
    expect((screen.getByRole('checkbox', { name: 'Force' }) as HTMLInputElement).checked).toBe(true)
    expect(await send()).toEqual({
      ok: true,
      value: { other: 42, path: '/tmp/x', force: true, mode: 'soft' },
    })
  })

  it('edits any JSON value as text when there is no schema, and a scalar root as one field', async () => {
    const first = setup(undefined, { a: 1 })
    const editor = screen.getByRole('textbox', { name: 'JSON' })
    expect((editor as HTMLTextAreaElement).value).toBe('{\n  "a": 1\n}')
    await first.user.clear(editor)
    await first.user.click(editor)
    await first.user.paste('[true]')
    expect(await first.send()).toEqual({ ok: true, value: [true] })
    cleanup()
    const second = setup({ type: 'integer', title: 'Seats', minimum: 1 })
    await second.user.type(screen.getByRole('textbox', { name: 'Seats' }), '0')
    expect(await second.send()).toEqual({ ok: false, errors: { '': 'Must be at least 1' } })
  })

  it('reads zod schemas converted by zod itself (nullable, int bounds, optional enum)', async () => {
    const schema = z.toJSONSchema(
      z.object({
        seats: z.number().int().min(1),
        note: z.string().nullable(),
        room: z.enum(['A', 'B']).optional(),
        invitees: z.array(z.string().email()).min(1),
      }),
    ) as JsonSchema
    const layout = describeSchemaForm(schema)
    expect(layout.fields.map((f) => [f.key, f.kind, f.required])).toEqual([
      ['seats', 'integer', true],
      ['note', 'string', true],
      ['room', 'enum', false],
      ['invitees', 'array', true],
    ])
    const { user, send } = setup(schema)
    await user.type(screen.getByRole('textbox', { name: 'Seats' }), '2')
    await user.type(screen.getByRole('textbox', { name: 'Note' }), 'window')
    expect(await send()).toEqual({
      ok: false,
      errors: { invitees: 'Add at least 1 items' },
    })
    await user.click(screen.getByRole('button', { name: 'Add' }))
    await user.type(screen.getByRole('textbox', { name: 'Invitees 1' }), 'ann@example.com')
    expect(await send()).toEqual({
      ok: true,
      value: { seats: 2, note: 'window', invitees: ['ann@example.com'] },
    })
  })

  it('checks pattern, minLength and multipleOf', async () => {
    const { user, send } = setup({
      type: 'object',
      properties: {
        code: { type: 'string', pattern: '^[A-Z]{3}$' },
        pin: { type: 'string', minLength: 4 },
        step: { type: 'number', multipleOf: 0.5 },
      },
    })
    await user.type(screen.getByRole('textbox', { name: 'Code' }), 'abc')
    await user.type(screen.getByRole('textbox', { name: 'Pin' }), '12')
    await user.type(screen.getByRole('textbox', { name: 'Step' }), '0.3')
    expect(await send()).toEqual({
      ok: false,
      errors: {
        code: 'Does not match the expected format',
        pin: 'Use at least 4 characters',
        step: 'Must be a multiple of 0.5',
      },
    })
  })
})
