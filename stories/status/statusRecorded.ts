/**
 * Recorded .NET AG-UI streams the status stories replay (`../shared/conformance/recorded-dotnet`),
 * beyond those of `stories/recordedStreams.ts`. The files start with a UTF-8 BOM.
 */
import type { ScriptStep } from 'agent-wire-react/testing'
import step10 from '../../../shared/conformance/recorded-dotnet/Step10_InterruptsUserInput--PostRun_SetupRequest_EmitsInputInterruptThenResumes--Turn_01.07.json?raw'

/** Step10, turn 1: the run ends with an `input_required` interrupt ("What username ...?"). */
export const usernameInterruptStream = JSON.parse(step10.replace(/^\uFEFF/, '')) as ScriptStep[]
