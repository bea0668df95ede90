import { useEffect, useRef } from 'react'
import { useAgentRun } from 'agent-wire-react'
import type { ContentPart } from 'agent-wire-react/core'

/**
 * Sends `text` (or multimodal parts) as the user's message once, when mounted: starts the
 * story's scripted run.
 */
export function SendOnMount({ text }: { text: string | ContentPart[] }) {
  const { sendMessage } = useAgentRun()
  const sent = useRef(false)
  useEffect(() => {
    if (sent.current) return
    sent.current = true
    void sendMessage(text)
  }, [sendMessage, text])
  return null
}
