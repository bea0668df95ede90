import type { AgentError } from '../protocol/AgentError'
import type { WebSocketConnectionOptions } from './WebSocketConnectionOptions'

/** The credentials of a {@link WebSocketConnection}; see {@link createConnectionAuth}. */
export interface ConnectionAuth {
  /**
   * The token of the next connect: the one `onAuthRequired` returned if any (once when `auth` is
   * a function, which stays the source; for good when `auth` is a string), else `auth` (called
   * when a function). Rejects when `auth()` does.
   */
  token(): Promise<string | undefined>
  /**
   * Asks the app (`onAuthRequired(error)`) whether to reconnect after refused credentials: a
   * string is kept as the next token; resolves false when it answers `false` or throws, true
   * otherwise, and `fallback` without `onAuthRequired`. Never rejects.
   */
  askApp(error: AgentError, fallback: boolean): Promise<boolean>
}

/**
 * The credentials part of `WebSocketConnection`: `auth` and `onAuthRequired` of `options`
 * (read at each call). Internal.
 */
export function createConnectionAuth(
  options: Pick<WebSocketConnectionOptions, 'auth' | 'onAuthRequired'>,
): ConnectionAuth {
  let override: string | undefined
  return {
    async token() {
      const { auth } = options
      const current = override
      if (current === undefined) return typeof auth === 'function' ? await auth() : auth
      if (typeof auth === 'function') override = undefined // the function stays the source
      return current
    },
    async askApp(error, fallback) {
      const { onAuthRequired } = options
      if (!onAuthRequired) return fallback
      try {
        const result = await onAuthRequired(error)
        if (typeof result === 'string') override = result
        return result !== false
      } catch {
        return false
      }
    },
  }
}
