/**
 * Protocol version arithmetic (spec 1.1, "Versioning"): dotted numeric versions such as
 * `1.1` or the pre-1.0 `0.0.45`, compared part by part (missing parts read as `0`).
 */
import type { Diagnostic } from './Diagnostic'
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

/**
 * Judges the `protocolVersion` a producer declared on `RUN_STARTED` against the version this
 * client speaks (`clientVersion`). An absent, equal or older declaration is the ordinary case and
 * yields nothing; a newer one yields a `protocol_version_newer` warning (the run proceeds, and
 * unknown material is stripped with warnings); one that is not `MAJOR.MINOR` cannot be compared
 * and yields a `protocol_version_uninterpretable` warning (proceed, as for a newer one).
 */
export function checkDeclaredVersion(
  declared: string | undefined,
  clientVersion: string,
): Diagnostic | undefined {
  if (declared === undefined || declared === clientVersion) return undefined
  if (!/^\d+\.\d+$/.test(declared)) {
    return {
      level: 'warning',
      code: 'protocol_version_uninterpretable',
      message: `The producer declared protocol version '${declared}', which this client cannot interpret (it speaks ${clientVersion}); proceeding.`,
      eventType: 'RUN_STARTED',
    }
  }
  if (compareVersions(declared, clientVersion) <= 0) return undefined
  return {
    level: 'warning',
    code: 'protocol_version_newer',
    message: `The producer speaks protocol ${declared}; this client speaks ${clientVersion}. Proceeding; unrecognised material will be stripped with warnings.`,
    eventType: 'RUN_STARTED',
  }
}
