import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const dir = fileURLToPath(
  new URL('../../../../shared/conformance/recorded-dotnet/', import.meta.url),
)

/** The events of a recorded .NET stream, by the start of its file name (the files have a BOM). */
export function recorded(prefix: string, turn = 1): Record<string, unknown>[] {
  const name = `${prefix}--Turn_0${turn}.07.json`
  const text = readFileSync(`${dir}${name}`, 'utf8')
  return JSON.parse(text.replace(/^\uFEFF/, '')) as Record<string, unknown>[]
}

export const STEP02 = 'Step02_BackendTools--PostRun_WithBackendToolCall_InvokesToolAndStreamsResult'
export const STEP07 =
  'Step07_ThinkingEvents--PostRun_WithReasoningContent_EmitsReasoningAndTextEvents'
export const STEP10 =
  'Step10_InterruptsUserInput--PostRun_SetupRequest_EmitsInputInterruptThenResumes'
export const STEP12 =
  'Step12_ParallelToolCalls--PostRun_WithParallelToolCalls_InvokesBothToolsAndStreamsResults'
export const MIXED =
  'MixedToolInvocationIntegration--MixedInvocation_TwoTurnFlow_EmitsToolCallsThenServerResults'
export const STEP05 = 'Step05_StateManagement--PostRun_WithState_EmitsStateSnapshotAndSummary'
export const STEP01 = 'Step01_GettingStarted--PostRun_MultiTurn_SynthesizesAssistantMessages'
