/**
 * Outgoing compatibility: shapes a `RunAgentInput` for the peer it is sent to (spec 1.1,
 * "Versioning" and "Multimodal content").
 */
import type { Diagnostic } from './Diagnostic'
import { isPlainObject } from './isPlainObject'
import { compareVersions, effectiveVersion, isComparableVersion } from './compareVersions'
import type { RunAgentInput } from './types'
import { upgradeLegacyMessages } from './upgradeLegacyContent'

/** Options of {@link prepareRunAgentInput}. */
export interface PrepareRunAgentInputOptions {
  /** The peer's highest protocol version (dotted, e.g. `1.1`, `0.0.39`). Default: `PROTOCOL_VERSION` (`1.1`). */
  maxProtocolVersion?: string
}

function flattenContent(message: Record<string, unknown>, diagnostics: Diagnostic[]) {
  const content = message.content
  if (!Array.isArray(content)) return message
  let text = ''
  const dropped: string[] = []
  for (const p of content) {
    if (isPlainObject(p) && p.type === 'text' && typeof p.text === 'string') text += p.text
    else dropped.push(String((p as { type?: unknown })?.type))
  }
  if (dropped.length > 0) {
    diagnostics.push({
      level: 'warning',
      code: 'content_flattened',
      message: `Flattening message content for a <=0.0.39 peer DROPS non-text parts (${dropped.join(', ')}) of message '${String(message.id)}': the peer cannot receive them.`,
    })
  }
  return { ...message, content: text }
}

function withoutKey<T>(value: T, key: string): T {
  if (!isPlainObject(value) || !(key in value)) return value
  const copy = { ...value }
  delete copy[key]
  return copy as T
}

/**
 * Returns the input to send to a peer whose ceiling is `maxProtocolVersion`, and the
 * diagnostics of what was changed. Never mutates `input`.
 *
 * - Always: retired `{ type: 'binary' }` content parts become typed media parts (info).
 * - `protocolVersion`: declared as the version spoken (the lower of the ceiling and
 *   `PROTOCOL_VERSION`) when absent or higher than that, for a peer of 1.0 or newer; removed for a
 *   pre-1.0 peer, which predates the field.
 * - Peer ≤ 0.0.57: `subagentRunId` removed from messages.
 * - Peer ≤ 0.0.39: `parentRunId` removed, and content parts flattened to text; a non-text part
 *   is dropped with a `content_flattened` warning ("... DROPS non-text parts ...").
 *
 * @throws TypeError when `maxProtocolVersion` is not a dotted numeric version.
 */
export function prepareRunAgentInput(
  input: RunAgentInput,
  options: PrepareRunAgentInputOptions = {},
): { input: RunAgentInput; diagnostics: Diagnostic[] } {
  const ceiling = options.maxProtocolVersion
  if (ceiling !== undefined && !isComparableVersion(ceiling)) {
    throw new TypeError(`maxProtocolVersion '${ceiling}' is not a dotted numeric version`)
  }
  const diagnostics: Diagnostic[] = []
  const atMost = (v: string) => ceiling !== undefined && compareVersions(ceiling, v) <= 0
  let messages = upgradeLegacyMessages(input.messages, diagnostics)
  if (atMost('0.0.57')) messages = messages.map((m) => withoutKey(m, 'subagentRunId'))
  if (atMost('0.0.39')) {
    messages = messages.map(
      (m) => flattenContent(m as Record<string, unknown>, diagnostics) as typeof m,
    )
  }
  let out: RunAgentInput = messages === input.messages ? input : { ...input, messages }
  const spoken = effectiveVersion(ceiling)
  const declared = out.protocolVersion
  if (compareVersions(spoken, '1.0') < 0) out = withoutKey(out, 'protocolVersion')
  else if (
    declared === undefined ||
    (isComparableVersion(declared) && compareVersions(declared, spoken) > 0)
  ) {
    out = { ...out, protocolVersion: spoken }
  }
  if (atMost('0.0.39')) out = withoutKey(out, 'parentRunId')
  return { input: out, diagnostics }
}
