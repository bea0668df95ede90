/**
 * Protocol version arithmetic (spec 1.1, "Versioning"): dotted numeric versions such as
 * `1.1` or the pre-1.0 `0.0.45`, compared part by part (missing parts read as `0`).
 */
import { PROTOCOL_VERSION } from './types'

const VERSION = /^\d+(\.\d+)*$/

/** True when `version` is a dotted numeric version (`1`, `1.1`, `0.0.45`). */
export function isComparableVersion(version: string): boolean {
  return VERSION.test(version)
}

/**
 * Compares two dotted numeric versions.
 *
 * @returns a negative number when `a < b`, `0` when equal (`1.0` equals `1.0.0`), positive when `a > b`.
 * @throws TypeError when either is not a dotted numeric version (check {@link isComparableVersion}).
 */
export function compareVersions(a: string, b: string): number {
  if (!isComparableVersion(a) || !isComparableVersion(b)) {
    throw new TypeError(`Cannot compare protocol versions '${a}' and '${b}'`)
  }
  const pa = a.split('.').map(Number)
  const pb = b.split('.').map(Number)
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0)
    if (d !== 0) return d
  }
  return 0
}

/**
 * The version this client speaks to a peer whose ceiling is `maxProtocolVersion`: the lower of
 * that ceiling and {@link PROTOCOL_VERSION}. Default ceiling: {@link PROTOCOL_VERSION}.
 *
 * @throws TypeError when `maxProtocolVersion` is not a dotted numeric version.
 */
export function effectiveVersion(maxProtocolVersion: string = PROTOCOL_VERSION): string {
  return compareVersions(maxProtocolVersion, PROTOCOL_VERSION) < 0
    ? maxProtocolVersion
    : PROTOCOL_VERSION
}
