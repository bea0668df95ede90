import type { ToolCall } from '../protocol/types'
import { hasOnlyKeys } from './hasOnlyKeys'

/**
 * The tool call {@link withArguments} made last, and whether it and its `function` hold only
 * the keys `TOOL_CALL_START` creates (`id`, `type`, `function`; `name`, `arguments`, in that
 * order, no symbol keys): then the next copy of it can be two literals.
 */
let lastCopy: ToolCall | undefined
let lastPlain = false

const CALL_KEYS = ['id', 'type', 'function']
const FUNCTION_KEYS = ['name', 'arguments']

/**
 * A copy of tool call `call` with `function.arguments` replaced: same keys in the same order,
 * `call` untouched. Like `withContent` for text (issue 7): a streamed `TOOL_CALL_ARGS` copies
 * the call it extends, and a spread clone costs V8 several times an object literal, so the copy
 * of a copy made here just before is built from literals when the call holds only what
 * `TOOL_CALL_START` creates. The shape is read once per call, not per delta. Holds a reference
 * to the one call copied last.
 * @internal
 */
export function withArguments(call: ToolCall, args: string): ToolCall {
  let copy: ToolCall
  if (call === lastCopy && lastPlain) {
    copy = {
      id: call.id,
      type: call.type,
      function: { name: call.function.name, arguments: args },
    }
  } else {
    copy = { ...call, function: { ...call.function, arguments: args } }
    lastPlain = hasOnlyKeys(copy, CALL_KEYS) && hasOnlyKeys(copy.function, FUNCTION_KEYS)
  }
  lastCopy = copy
  return copy
}
