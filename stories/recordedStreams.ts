/**
 * Real event streams recorded from the .NET AG-UI server (`../shared/conformance/recorded-dotnet`,
 * see its INDEX.md), bundled at build time. The files start with a UTF-8 BOM, so they are read
 * as text and parsed here rather than imported as JSON.
 */
import type { ScriptStep } from 'agent-wire-react/testing'
import step01Turn1 from '../../shared/conformance/recorded-dotnet/Step01_GettingStarted--PostRun_MultiTurn_SynthesizesAssistantMessages--Turn_01.07.json?raw'
import step01Turn2 from '../../shared/conformance/recorded-dotnet/Step01_GettingStarted--PostRun_MultiTurn_SynthesizesAssistantMessages--Turn_02.07.json?raw'
import step02 from '../../shared/conformance/recorded-dotnet/Step02_BackendTools--PostRun_WithBackendToolCall_InvokesToolAndStreamsResult--Turn_01.07.json?raw'
import step08 from '../../shared/conformance/recorded-dotnet/Step08_MultimodalMessages--PostRun_WithImageUrl_DescribesImage--Turn_01.07.json?raw'
import step07 from '../../shared/conformance/recorded-dotnet/Step07_ThinkingEvents--PostRun_WithReasoningContent_EmitsReasoningAndTextEvents--Turn_01.07.json?raw'
import step12 from '../../shared/conformance/recorded-dotnet/Step12_ParallelToolCalls--PostRun_WithParallelToolCalls_InvokesBothToolsAndStreamsResults--Turn_01.07.json?raw'

function parse(text: string): readonly ScriptStep[] {
  return JSON.parse(text.replace(/^\uFEFF/, '')) as ScriptStep[]
}

/** Step01, turn 1: "Hello! How can I help you today?" streamed token by token. */
export const greetingStream = parse(step01Turn1)
/** Step01, turn 2: the second answer of a multi-turn conversation. */
export const secondTurnStream = parse(step01Turn2)
/** Step02: a backend tool call (`SearchRestaurants`), its `TOOL_CALL_RESULT`, then the reply. */
export const backendToolStream = parse(step02)
/** Step07: `REASONING_*` events (chickens and rabbits), then the answer. */
export const reasoningStream = parse(step07)
/** Step12: two tool calls in parallel (`get_weather`, `get_current_time`), results, reply. */
export const parallelToolsStream = parse(step12)
/** Step08: the description of an image the user sent (a faceted, gemstone-like outline). */
export const imageDescriptionStream = parse(step08)
