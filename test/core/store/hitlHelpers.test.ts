import { describe, expect, it } from 'vitest'
import * as z from 'zod'
import { hashArgs } from '../../../src/core/store'
import { mergeTools, toJsonSchema } from '../../../src/core/store/toJsonSchema'
import { validateArgs } from '../../../src/core/store/validateArgs'
import { loadPayloadValidator, validatePayload } from '../../../src/core/store/validatePayload'
import { runTool } from '../../../src/core/store/runTool'
import { toToolContent } from '../../../src/core/store/toToolContent'

describe('hashArgs', () => {
  it('is stable across key order and text vs value, and differs when args differ', () => {
    expect(hashArgs('{"b":1,"a":[1,{"y":2,"x":1}]}')).toBe(
      hashArgs({ a: [1, { x: 1, y: 2 }], b: 1 }),
    )
    expect(hashArgs('{"a":1}')).not.toBe(hashArgs('{"a":2}'))
    expect(hashArgs('{bad')).not.toBe(hashArgs('{bad2'))
    expect(hashArgs('')).toMatch(/^[0-9a-f]+$/)
  })
})

describe('toJsonSchema / mergeTools', () => {
  it('falls back to an open object for non-zod schemas and no schema', () => {
    const standard = {
      '~standard': {
        version: 1 as const,
        vendor: 'valibot',
        validate: (v: unknown) => ({ value: v }),
      },
    }
    expect(toJsonSchema(standard)).toEqual({ type: 'object', properties: {} })
    expect(toJsonSchema(undefined)).toEqual({ type: 'object', properties: {} })
  })

  it('caches per schema object and converts defaults/descriptions', () => {
    const schema = z.object({ n: z.number().default(3).describe('count') })
    const json = toJsonSchema(schema)
    expect(toJsonSchema(schema)).toBe(json)
    expect(json).toEqual({
      type: 'object',
      properties: { n: { type: 'number', default: 3, description: 'count' } },
    })
  })

  it('registered frontend tools replace static ones by name; backend tools are not sent', () => {
    const tools = mergeTools(
      [{ name: 'a', description: 'static', parameters: {} }],
      [
        { name: 'a', description: 'registered', handler: () => 1 },
        { name: 'b', requiresApproval: true },
      ],
    )
    expect(tools).toEqual([
      { name: 'a', description: 'registered', parameters: { type: 'object', properties: {} } },
    ])
  })
})

describe('validateArgs / validatePayload', () => {
  it('returns the schema output (defaults applied) or invalid_args listing paths', () => {
    const schema = z.object({ n: z.number().default(3), tags: z.array(z.string()) })
    expect(validateArgs('t', schema, { tags: [] })).toEqual({ ok: true, value: { n: 3, tags: [] } })
    const bad = validateArgs('t', schema, { tags: [1] })
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_args' } })
    expect(!('then' in bad) && !bad.ok && bad.error.message).toMatch(/tags\.0: /)
  })

  it('validates against JSON Schema without eval and explains failures, once its chunk is loaded', async () => {
    const schema = {
      type: 'object',
      properties: { age: { type: 'integer', minimum: 0 } },
      required: ['age'],
    }
    // Loaded on first use: before that, a retryable not_ready (nothing judged).
    const early = validatePayload('i', schema, { age: 3 })
    expect(early).toMatchObject({ code: 'not_ready', retryable: true })
    await loadPayloadValidator()
    expect(validatePayload('i', schema, { age: 3 })).toBeUndefined()
    const error = validatePayload('i', schema, { age: -1 })
    expect(error?.code).toBe('invalid_payload')
    expect(error?.message).toMatch(/\/age/)
    expect(validatePayload('i', undefined, 'anything')).toBeUndefined()
  })
})

describe('runTool / toToolContent', () => {
  it('reports an already-aborted signal as aborted, and non-JSON results as tool_failed', async () => {
    const controller = new AbortController()
    controller.abort()
    const outcome = await runTool({ name: 't', handler: () => 1 }, {}, 'c', controller.signal)
    expect(outcome).toMatchObject({ ok: false, error: { code: 'aborted' } })
    const cyclic: Record<string, unknown> = {}
    cyclic.self = cyclic
    expect(() => toToolContent('t', cyclic)).toThrow(
      expect.objectContaining({ code: 'tool_failed' }),
    )
    expect(toToolContent('t', 'plain')).toBe('plain')
    expect(toToolContent('t', undefined)).toBe('null')
  })
})
