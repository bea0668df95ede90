import type { BaseEvent, Message, RunFinishedOutcome, Tool } from '../../core/protocol/types'
import type { DemoRunContext } from './demoEmitter'
import type { DemoIntent } from './demoIntents'

/** The frontend tools the demo agent knows how to ask for (the page runs them). */
export const FRONTEND_TOOL_NAMES = ['set_theme', 'show_notification'] as const

/**
 * Asks the page to run its frontend tools: `set_theme { theme }` and/or
 * `show_notification { message }`, only when `RunAgentInput.tools` offers them. Emits the calls
 * with no result and finishes with `success` and `pendingToolCallIds` (AG-UI 1.1): the client
 * runs them and starts the next run with the `tool` messages. Offered none ⇒ explains why.
 * @internal
 */
export async function* requestFrontendTools(
  ctx: DemoRunContext,
  intent: DemoIntent,
  offered: readonly Tool[],
): AsyncGenerator<BaseEvent, RunFinishedOutcome | undefined> {
  const { runId, emit, signal } = ctx
  const has = (name: string) => offered.some((t) => t.name === name)
  const wanted: Array<{ name: string; args: Record<string, unknown>; say: string }> = []
  if (intent.theme)
    wanted.push({
      name: 'set_theme',
      args: { theme: intent.theme },
      say: `switch the page to ${intent.theme} mode`,
    })
  if (intent.notification)
    wanted.push({
      name: 'show_notification',
      args: { message: intent.notification },
      say: 'show you a notification',
    })
  const calls = wanted.filter((w) => has(w.name))
  const missing = wanted.filter((w) => !has(w.name)).map((w) => `\`${w.name}\``)
  const intro = `${runId}-frontend-intro`
  const sentences = [
    ...(calls.length ? [`I will ask your page to ${calls.map((c) => c.say).join(' and ')}.`] : []),
    ...(missing.length
      ? [
          `This page did not offer ${missing.join(' or ')} in \`RunAgentInput.tools\`, so I cannot do that here.`,
        ]
      : []),
  ]
  yield* emit.text(intro, sentences.join(' '))
  const ids: string[] = []
  for (const call of calls) {
    if (signal.aborted) return undefined
    const id = `${runId}-${call.name.replace('_', '-')}`
    ids.push(id)
    yield* emit.toolCall(id, call.name, call.args, intro, 2)
  }
  if (signal.aborted) return undefined
  return ids.length ? { type: 'success', pendingToolCallIds: ids } : { type: 'success' }
}

function code(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return `\`${flat.length > 200 ? `${flat.slice(0, 199)}…` : flat}\``
}

/**
 * The reply after the page ran frontend tools: the thread ends with `tool` messages (the
 * results); one line per result, naming the tool and its arguments and quoting what the page
 * answered. Always finishes with `success`.
 * @internal
 */
export async function* followUpFrontendTools(
  ctx: DemoRunContext,
  messages: readonly Message[],
): AsyncGenerator<BaseEvent, RunFinishedOutcome | undefined> {
  const results: Array<Extract<Message, { role: 'tool' }>> = []
  for (let i = messages.length - 1; i >= 0; i--) {
    const message = messages[i]
    if (message.role !== 'tool') break
    results.unshift(message)
  }
  const calls = new Map(
    messages
      .flatMap((m) => (m.role === 'assistant' ? (m.toolCalls ?? []) : []))
      .map((c) => [c.id, c]),
  )
  const lines = results.map((result) => {
    const call = calls.get(result.toolCallId)
    const name = call ? `\`${call.function.name}\`` : `tool call ${result.toolCallId}`
    const args = call ? ` with ${code(call.function.arguments)}` : ''
    const content =
      typeof result.content === 'string' ? result.content : JSON.stringify(result.content)
    return `- ${name}${args} → your page answered ${code(content)}`
  })
  const themed = results
    .map((r) => calls.get(r.toolCallId))
    .find((c) => c?.function.name === 'set_theme')
  const theme = themed ? /"theme"\s*:\s*"(\w+)"/.exec(themed.function.arguments)?.[1] : undefined
  const body = [
    theme
      ? `Thanks: I asked your page to switch to **${theme}** mode. Here is what it answered:`
      : 'Thanks: your page ran the tool. Here is what it answered:',
    '',
    ...lines,
  ].join('\n')
  yield* ctx.emit.text(`${ctx.runId}-follow-up`, body)
  return ctx.signal.aborted ? undefined : { type: 'success' }
}
