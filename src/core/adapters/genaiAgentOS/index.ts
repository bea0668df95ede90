/** GenAI AgentOS adapter (issue 8; seed-systems README §2): agent, frame mapping, status source. */
export { GenAIAgentOSAgent } from './GenAIAgentOSAgent'
export type { GenAIAgentOSAgentOptions } from './GenAIAgentOSAgentOptions'
export { mapGenAIFrame, type GenAIFrameAction, type GenAIRunContext } from './mapGenAIFrame'
export { toSessionUuid } from './toSessionUuid'
export { createGenAIStatusSource, type GenAIStatusOptions } from './createGenAIStatusSource'
export { GenAIClient } from './GenAIClient'
