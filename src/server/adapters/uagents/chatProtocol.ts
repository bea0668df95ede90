import type { UAgentsProtocolManifest } from '../../../core/adapters/uagents/uagentsChatTypes'
import { computeModelDigest, computeProtocolDigest } from './uagentsDigests'

/**
 * The Agent Chat Protocol 0.3.0 models (`uagents_core.contrib.protocols.chat`) as pydantic v1
 * emits their JSON Schemas: the exact dicts uAgents hashes into the model digests, so the
 * digests below are computed, not copied (a test checks them against the published manifest).
 */

type Schema = Record<string, unknown>

/** pydantic v1 titles a field by its name in words: `msg_id` → "Msg Id". */
const title = (name: string) =>
  name
    .split('_')
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join(' ')
const str = (name: string, format?: string): Schema => ({
  title: title(name),
  type: 'string',
  ...(format && { format }),
})
const strMap = (name: string): Schema => ({
  title: title(name),
  type: 'object',
  additionalProperties: { type: 'string' },
})
const literal = (value: string): Schema => ({ title: 'Type', enum: [value], type: 'string' })
const model = (name: string, properties: Record<string, Schema>, required: string[]): Schema => ({
  title: name,
  type: 'object',
  properties,
  required,
})
const ref = (name: string) => ({ $ref: `#/definitions/${name}` })

const resource = model('Resource', { uri: str('uri'), metadata: strMap('metadata') }, [
  'uri',
  'metadata',
])
const content: Record<string, Schema> = {
  TextContent: model('TextContent', { type: literal('text'), text: str('text') }, ['type', 'text']),
  Resource: resource,
  ResourceContent: model(
    'ResourceContent',
    {
      type: literal('resource'),
      resource_id: str('resource_id', 'uuid4'),
      resource: {
        title: 'Resource',
        anyOf: [ref('Resource'), { type: 'array', items: ref('Resource') }],
      },
    },
    ['type', 'resource_id', 'resource'],
  ),
  MetadataContent: model(
    'MetadataContent',
    { type: literal('metadata'), metadata: strMap('metadata') },
    ['type', 'metadata'],
  ),
  StartSessionContent: model('StartSessionContent', { type: literal('start-session') }, ['type']),
  EndSessionContent: model('EndSessionContent', { type: literal('end-session') }, ['type']),
  StartStreamContent: model(
    'StartStreamContent',
    { type: literal('start-stream'), stream_id: str('stream_id', 'uuid4') },
    ['type', 'stream_id'],
  ),
  EndStreamContent: model(
    'EndStreamContent',
    { type: literal('end-stream'), stream_id: str('stream_id', 'uuid4') },
    ['type', 'stream_id'],
  ),
}
const CONTENT_KINDS = [
  'TextContent',
  'ResourceContent',
  'MetadataContent',
  'StartSessionContent',
  'EndSessionContent',
  'StartStreamContent',
  'EndStreamContent',
]

/** `ChatMessage` JSON Schema (pydantic v1). */
export const CHAT_MESSAGE_SCHEMA: Schema = {
  ...model(
    'ChatMessage',
    {
      timestamp: str('timestamp', 'date-time'),
      msg_id: str('msg_id', 'uuid4'),
      content: { title: 'Content', type: 'array', items: { anyOf: CONTENT_KINDS.map(ref) } },
    },
    ['timestamp', 'msg_id', 'content'],
  ),
  definitions: content,
}

/** `ChatAcknowledgement` JSON Schema (pydantic v1). */
export const CHAT_ACKNOWLEDGEMENT_SCHEMA: Schema = model(
  'ChatAcknowledgement',
  {
    timestamp: str('timestamp', 'date-time'),
    acknowledged_msg_id: str('acknowledged_msg_id', 'uuid4'),
    metadata: strMap('metadata'),
  },
  ['timestamp', 'acknowledged_msg_id'],
)

/** The digests of the chat protocol: its two models and the protocol itself. */
export interface ChatProtocolDigests {
  chatMessage: string
  chatAcknowledgement: string
  protocol: string
  manifest: UAgentsProtocolManifest
}

let cached: Promise<ChatProtocolDigests> | undefined

/**
 * Builds the `AgentChatProtocol` 0.3.0 manifest (`ProtocolSpecification.manifest()`:
 * ChatMessage → [ChatAcknowledgement], ChatAcknowledgement → []) and its digests, computed
 * with `uagentsDigests` (WebCrypto; cached after the first call).
 */
export function chatProtocolDigests(): Promise<ChatProtocolDigests> {
  cached ??= (async () => {
    const chatMessage = await computeModelDigest(CHAT_MESSAGE_SCHEMA)
    const chatAcknowledgement = await computeModelDigest(CHAT_ACKNOWLEDGEMENT_SCHEMA)
    const body = {
      version: '1.0',
      models: [
        { digest: chatMessage, schema: CHAT_MESSAGE_SCHEMA },
        { digest: chatAcknowledgement, schema: CHAT_ACKNOWLEDGEMENT_SCHEMA },
      ],
      interactions: [
        { type: 'normal', request: chatMessage, responses: [chatAcknowledgement] },
        { type: 'normal', request: chatAcknowledgement, responses: [] },
      ],
    }
    const protocol = await computeProtocolDigest(body)
    const metadata = { name: 'AgentChatProtocol', version: '0.3.0', digest: protocol }
    return { chatMessage, chatAcknowledgement, protocol, manifest: { ...body, metadata } }
  })()
  return cached
}
