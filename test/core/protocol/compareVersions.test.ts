import { describe, expect, it } from 'vitest'
import { compareVersions } from '../../../src/core/protocol/compareVersions'

describe('compareVersions', () => {
  it('orders dotted versions part by part, missing parts as 0', () => {
    expect(compareVersions('1.0', '1.0.0')).toBe(0)
    expect(compareVersions('0.0.45', '0.0.57')).toBeLessThan(0)
    expect(compareVersions('1.10', '1.9')).toBeGreaterThan(0)
    expect(() => compareVersions('draft', '1.0')).toThrow(TypeError)
  })
})
