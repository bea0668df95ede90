/**
 * The check of a producer's declared `protocolVersion` (spec 1.1, "Versioning"). Its own module:
 * only the event validator (a lazy chunk) uses it, so it stays out of the initial load with it.
 */
import type { Diagnostic } from './Diagnostic'
import { compareVersions } from './compareVersions'

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
