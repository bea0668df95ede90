import { describe, expect, it, vi } from 'vitest'
import * as z from 'zod'
import * as zm from 'zod/mini'
import { createObservable } from '../../../src/core/transport/createObservable'
import { deferUntil } from '../../../src/core/store/deferUntil'
import {
  jsonSchemaPending,
  loadZodJsonSchema,
  toJsonSchema,
} from '../../../src/core/store/toJsonSchema'

describe('toJsonSchema (no converter in the bundle until needed)', () => {
  it('asks a Standard JSON Schema for its own draft 2020-12 input schema, whatever the vendor', () => {
    const input = vi.fn(() => ({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      type: 'object',
      properties: { q: { type: 'string' } },
    }))
    const schema = {
      '~standard': {
        version: 1 as const,
        vendor: 'arktype',
        validate: (v: unknown) => ({ value: v }),
        jsonSchema: { input, output: input },
      },
    }
    expect(toJsonSchema(schema)).toEqual({ type: 'object', properties: { q: { type: 'string' } } })
    expect(input).toHaveBeenCalledWith(expect.objectContaining({ target: 'draft-2020-12' }))
  })

  it('converts zod classic schemas through their own method, as zod.toJSONSchema does', () => {
    const schema = z.object({ theme: z.enum(['light', 'dark']), n: z.optional(z.number()) })
    const { $schema: _dropped, ...expected } = z.toJSONSchema(schema, { io: 'input' })
    expect(toJsonSchema(schema)).toEqual(expected)
    expect(jsonSchemaPending([{ name: 't', parameters: schema, handler: () => 'ok' }])).toBe(
      undefined,
    )
  })

  it('zod/mini: the open object (uncached) until zod’s converter is loaded, then the real schema', async () => {
    const schema = zm.object({ text: zm.string() })
    const tools = [{ name: 't', parameters: schema, handler: () => 'ok' }]
    const pending = jsonSchemaPending(tools)
    expect(pending).toBeInstanceOf(Promise)
    expect(toJsonSchema(schema)).toEqual({ type: 'object', properties: {} })
    await loadZodJsonSchema()
    expect(jsonSchemaPending(tools)).toBeUndefined()
    const { $schema: _dropped, ...expected } = zm.toJSONSchema(schema, { io: 'input' })
    expect(expected).toMatchObject({ properties: { text: { type: 'string' } } })
    expect(toJsonSchema(schema)).toEqual(expected)
  })
})

describe('deferUntil', () => {
  const source = (opened: string[]) => () => {
    opened.push('open')
    return createObservable<number>((o) => {
      o.next(1)
      o.complete()
    })
  }

  it('subscribes once ready, forwarding values and completion', async () => {
    const opened: string[] = []
    const seen: unknown[] = []
    deferUntil(Promise.resolve(), source(opened)).subscribe({
      next: (v) => seen.push(v),
      complete: () => seen.push('done'),
    })
    expect(opened).toEqual([])
    await Promise.resolve()
    await Promise.resolve()
    expect(seen).toEqual([1, 'done'])
  })

  it('never opens the source when unsubscribed before ready', async () => {
    const opened: string[] = []
    const sub = deferUntil(Promise.resolve(), source(opened)).subscribe(() => undefined)
    sub.unsubscribe()
    await Promise.resolve()
    await Promise.resolve()
    expect(opened).toEqual([])
  })
})
