import { createContext, useContext, type ReactNode } from 'react'

/**
 * How the chat's live region announces assistant replies to screen readers (issue 4,
 * "Accessibility"); never token by token:
 * - `on-complete` (default): the whole reply once, when it completes;
 * - `sentence`: complete sentences as they finish while the reply streams, at most one
 *   announcement per throttle interval (sentences finished meanwhile are read together), and
 *   the rest when the reply completes;
 * - `off`: nothing (the app announces itself, or the user prefers silence).
 */
export type AnnouncePolicy = 'on-complete' | 'sentence' | 'off'

/** React context behind {@link AnnouncePolicyProvider}; `undefined`: the default `on-complete`. */
export const AnnouncePolicyContext = createContext<AnnouncePolicy | undefined>(undefined)

/** Props of {@link AnnouncePolicyProvider}. */
export interface AnnouncePolicyProviderProps {
  policy: AnnouncePolicy
  children?: ReactNode
}

/**
 * Sets the {@link AnnouncePolicy} of every `ReplyAnnouncer` (every `<Chat />`) below that has
 * no `announce`/`policy` prop of its own: one app-wide setting, e.g. from a user preference.
 */
export function AnnouncePolicyProvider({
  policy,
  children,
}: AnnouncePolicyProviderProps): ReactNode {
  return <AnnouncePolicyContext.Provider value={policy}>{children}</AnnouncePolicyContext.Provider>
}

/** The policy of the nearest {@link AnnouncePolicyProvider}, or `undefined`. */
export function useAnnouncePolicy(): AnnouncePolicy | undefined {
  return useContext(AnnouncePolicyContext)
}
