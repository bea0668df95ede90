import { useCallback, useEffect, useState } from 'react'
import type { AgentError } from '../core/protocol/AgentError'
import {
  loadHumanInTheLoop,
  loadedHumanInTheLoop,
  type HumanInTheLoopCards,
} from './preloadHumanInTheLoop'

/** What {@link useHumanInTheLoopCards} returns. */
export interface HumanInTheLoopCardsState {
  /** The cards, once their chunk is loaded (at once, with no loading render, when it already is). */
  cards: HumanInTheLoopCards | undefined
  /** `AgentError('load_failed')` when the chunk could not be loaded; cleared by `retry`. */
  error: AgentError | undefined
  /** Loads the chunk again after a failure. */
  retry: () => void
}

/**
 * The human-in-the-loop cards' chunk (see `preloadHumanInTheLoop`), loading it when not loaded
 * yet. Re-renders once when it is loaded, or fails.
 * @internal Used by `HumanInTheLoopLoader`.
 */
export function useHumanInTheLoopCards(): HumanInTheLoopCardsState {
  const [cards, setCards] = useState(loadedHumanInTheLoop)
  const [error, setError] = useState<AgentError | undefined>()
  const [attempt, setAttempt] = useState(0)
  useEffect(() => {
    if (cards) return
    let live = true
    loadHumanInTheLoop().then(
      (loaded) => {
        if (live) setCards(() => loaded)
      },
      (failure: AgentError) => {
        if (live) setError(failure)
      },
    )
    return () => {
      live = false
    }
  }, [cards, attempt])
  const retry = useCallback(() => {
    setError(undefined)
    setAttempt((n) => n + 1)
  }, [])
  return { cards, error, retry }
}
