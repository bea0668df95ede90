/**
 * `agent-wire-react/testing`: scripted agents and fixture replay, for users' tests, stories
 * and demos (design.md, "testing/").
 */
export { createScriptedAgent } from './createScriptedAgent'
export type {
  Script,
  ScriptStep,
  ScriptEvent,
  ScriptDelay,
  ScriptedAgent,
  ScriptedAgentOptions,
} from './createScriptedAgent'
export { fromFixture } from './fromFixture'
export type { Fixture } from './fromFixture'
