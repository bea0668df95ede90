import type { Message } from '../core/protocol/types'
import { useSelect } from './useAgentSelector'

const selectMessages = (snapshot: { messages: readonly Message[] }) => snapshot.messages

/**
 * The thread's messages (AG-UI `Message` shapes, thread order), or a selection of them.
 *
 * Without a selector the component re-renders whenever the message list changes (at most
 * once per frame while streaming). With one, only when `isEqual` says the selection changed:
 * e.g. `useMessages((m) => m.length)` re-renders only when a message is added.
 *
 * @param selector Pure function of the message array. Default: identity.
 * @param isEqual Equality of two selections. Default: `Object.is` (see `shallowEqual`).
 * @throws Error naming `AgentProvider` when called outside one.
 */
export function useMessages(): readonly Message[]
export function useMessages<T>(
  selector: (messages: readonly Message[]) => T,
  isEqual?: (a: T, b: T) => boolean,
): T
export function useMessages<T>(
  selector?: (messages: readonly Message[]) => T,
  isEqual: (a: T, b: T) => boolean = Object.is,
): T | readonly Message[] {
  return useSelect<T | readonly Message[]>(
    'useMessages',
    selector ? (snapshot) => selector(snapshot.messages) : selectMessages,
    isEqual as (a: unknown, b: unknown) => boolean,
  )
}
