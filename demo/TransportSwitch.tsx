import { useEffect, useState, type CSSProperties, type ReactNode } from 'react'
import type { ConnectionState } from '../src/core/index'
import type { DemoTransport, SwitchableAgent } from './SwitchableAgent'

const LABELS: Record<DemoTransport, string> = { sse: 'SSE', websocket: 'WebSocket' }

const style: Record<'group' | 'option' | 'status', CSSProperties> = {
  group: {
    display: 'inline-flex',
    gap: 12,
    alignItems: 'center',
    margin: '8px 0 0',
    padding: 0,
    border: 0,
    fontSize: 14,
  },
  option: { display: 'inline-flex', gap: 4, alignItems: 'center' },
  status: { opacity: 0.75 },
}

function describe(state: ConnectionState): string {
  switch (state.status) {
    case 'open':
      return state.latencyMs === undefined ? 'open' : `open, ${Math.round(state.latencyMs)} ms`
    case 'reconnecting':
      return state.waitingFor === 'online'
        ? 'offline, waiting for the network'
        : `reconnecting (attempt ${state.attempt}) in ${Math.ceil(state.nextRetryMs / 1000)} s`
    case 'closed':
      return state.error ? `closed: ${state.error.message}` : 'closed'
    case 'auth_required':
      return 'sign-in required'
    default:
      return state.status
  }
}

/**
 * The demo's transport picker: SSE or WebSocket for the next runs (the thread stays), with the
 * connection state of the current transport. The choice is saved in localStorage; the page URL
 * may force it (`?transport=websocket`).
 */
export function TransportSwitch({ agent }: { agent: SwitchableAgent }): ReactNode {
  const [transport, setTransport] = useState(agent.transport)
  const [connection, setConnection] = useState(() => agent.getConnectionState())
  useEffect(() => {
    const offTransport = agent.subscribeTransport(() => setTransport(agent.transport))
    const offConnection = agent.subscribeConnection(setConnection)
    return () => {
      offTransport()
      offConnection()
    }
  }, [agent])
  return (
    <fieldset style={style.group} data-transport={transport}>
      <legend style={{ float: 'left', padding: 0 }}>Transport:</legend>
      {(Object.keys(LABELS) as DemoTransport[]).map((value) => (
        <label key={value} style={style.option}>
          <input
            type="radio"
            name="awr-demo-transport"
            value={value}
            checked={transport === value}
            onChange={() => agent.setTransport(value)}
          />
          {LABELS[value]}
        </label>
      ))}
      <span role="status" style={style.status} data-connection={connection.status}>
        {describe(connection)}
      </span>
    </fieldset>
  )
}
