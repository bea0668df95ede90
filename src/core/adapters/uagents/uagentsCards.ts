import type { Interrupt, ResumeEntry } from '../../protocol/types'
import type { UAgentsMetadataContent } from './uagentsChatTypes'

/** The card kinds of the uAgents cards convention "1" (`uagents_core…chat.cards`). */
export type UAgentsCardKind = 'form' | 'review' | 'detail' | 'carousel' | 'custom'

/** A card request read from a `MetadataContent` block. */
export interface UAgentsCard {
  kind: UAgentsCardKind
  /** `card_id` (uuid4) when the agent sent one. */
  cardId?: string
  /** The parsed `card_payload`. */
  payload: Record<string, unknown>
}

type Json = Record<string, unknown>
type Primitive = string | number | boolean
const KINDS = new Set<string>(['form', 'review', 'detail', 'carousel', 'custom'])
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v)
const list = (v: unknown): Json[] => (Array.isArray(v) ? v.filter(isObject) : [])
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined)

/**
 * Reads a card request from a `MetadataContent.metadata`: a block with `card_kind` and a JSON
 * `card_payload`, marked by `card_protocol_version: "1"` or `requires_card_interaction: "true"`.
 * Returns `undefined` for other metadata (and for a card response, which has no `card_kind`).
 * @throws Error when the block is marked as a card but its kind is unknown or its payload is
 *   not a JSON object (the adapter reports it as `bad_frame`).
 */
export function readUAgentsCard(metadata: Record<string, string>): UAgentsCard | undefined {
  const marked =
    metadata.card_protocol_version === '1' || metadata.requires_card_interaction === 'true'
  if (!marked || metadata.card_kind === undefined) return undefined
  const kind = metadata.card_kind
  if (!KINDS.has(kind)) throw new Error(`unknown card_kind '${kind}'`)
  let payload: unknown
  try {
    payload = JSON.parse(metadata.card_payload ?? '')
  } catch {
    throw new Error(`card_payload of a '${kind}' card is not JSON`)
  }
  if (!isObject(payload)) throw new Error(`card_payload of a '${kind}' card is not an object`)
  return {
    kind: kind as UAgentsCardKind,
    ...(metadata.card_id !== undefined && { cardId: metadata.card_id }),
    payload,
  }
}

const FIELD_TYPES: Record<string, Json> = {
  text: { type: 'string' },
  email: { type: 'string', format: 'email' },
  number: { type: 'number' },
  checkbox: { type: 'boolean' },
}

/** A form/input field → a JSON Schema property. */
function fieldSchema(field: Json): Json {
  const options = list(field.options)
  const base =
    field.kind === 'select'
      ? { type: 'string', enum: options.map((o) => str(o.value) ?? '') }
      : (FIELD_TYPES[str(field.kind) ?? 'text'] ?? FIELD_TYPES.text)
  return {
    ...base,
    ...(str(field.label) !== undefined && { title: field.label }),
    ...(str(field.placeholder) !== undefined && { description: field.placeholder }),
  }
}

function objectSchema(fields: Json[], extra: Record<string, Json> = {}, required: string[] = []) {
  const properties: Record<string, Json> = { ...extra }
  for (const f of fields) {
    const name = str(f.name)
    if (name === undefined) continue
    properties[name] = fieldSchema(f)
    if (f.required === true) required.push(name)
  }
  return { type: 'object', properties, required }
}

/** CTA labels → the `action` enum; `ctas` keep their selections by label. */
function actionSchema(ctas: Json[], title: string): Json {
  return { type: 'string', title, enum: ctas.map((c) => str(c.label) ?? '') }
}

/** Every `input`, `choice_grid` and button of a custom card's element tree, depth first. */
function walkCustom(node: unknown, acc: { fields: Json[]; grids: Json[]; buttons: Json[] }) {
  if (!isObject(node)) return acc
  if (node.type === 'input') acc.fields.push(node)
  if (node.type === 'choice_grid') acc.grids.push(node)
  if (node.type === 'button') acc.buttons.push({ label: node.label, ...list([node.action])[0] })
  for (const child of list(node.children)) walkCustom(child, acc)
  for (const item of list(node.items)) {
    if (isObject(item.action)) acc.buttons.push({ label: 'Select', ...item.action })
    for (const child of list(item.children)) walkCustom(child, acc)
  }
  return acc
}

/** The CTAs of a card, by label (what an `action` answer selects). */
function cardCtas(card: UAgentsCard): Json[] {
  const p = card.payload
  switch (card.kind) {
    case 'review':
      return [p.approve_cta, p.reject_cta].filter(isObject)
    case 'detail':
      return list(p.ctas)
    case 'carousel':
      return list(p.items).map((i) => ({
        ...(isObject(i.primary_cta) ? i.primary_cta : {}),
        label: i.id,
      }))
    case 'custom':
      return walkCustom(p.root, { fields: [], grids: [], buttons: [] }).buttons
    default:
      return isObject(p.submit_cta) ? [p.submit_cta] : []
  }
}

/**
 * The `responseSchema` the kit's interrupt form renders for a card:
 * - `form`: one property per field (`text`/`email` string, `number`, `checkbox` boolean,
 *   `select` enum of option values), `required` as the card says;
 * - `review`: `action` ∈ the approve/reject CTA labels;
 * - `detail`: `action` ∈ CTA labels, plus the `sub_options` choice when present;
 * - `carousel`: `action` ∈ item ids;
 * - `custom`: the tree's inputs and choice grids, plus `action` ∈ button labels when it has any.
 */
export function cardResponseSchema(card: UAgentsCard): Json {
  const p = card.payload
  const ctas = cardCtas(card)
  switch (card.kind) {
    case 'form':
      return objectSchema(list(p.fields))
    case 'detail': {
      const sub = isObject(p.sub_options) ? p.sub_options : undefined
      const extra: Record<string, Json> = { action: actionSchema(ctas, 'Action') }
      const required = ['action']
      if (sub && str(sub.name)) {
        extra[sub.name as string] = fieldSchema({ ...sub, kind: 'select', options: sub.choices })
        required.push(sub.name as string)
      }
      return objectSchema([], extra, required)
    }
    case 'custom': {
      const found = walkCustom(p.root, { fields: [], grids: [], buttons: [] })
      const extra: Record<string, Json> = {}
      for (const g of found.grids) {
        const choice = { type: 'string', enum: list(g.choices).map((c) => str(c.value) ?? '') }
        extra[str(g.name) ?? 'choice'] =
          g.multi === true ? { type: 'array', items: choice } : choice
      }
      if (ctas.length > 0) extra.action = actionSchema(ctas, 'Action')
      return objectSchema(found.fields, extra, ctas.length > 0 ? ['action'] : [])
    }
    default:
      return objectSchema(
        [],
        { action: actionSchema(ctas, card.kind === 'carousel' ? 'Choice' : 'Decision') },
        ['action'],
      )
  }
}

/** The card's heading: `title` of the payload, else its kind. */
function cardTitle(card: UAgentsCard): string {
  return str(card.payload.title) ?? `${card.kind[0].toUpperCase()}${card.kind.slice(1)} card`
}

/**
 * The AG-UI `Interrupt` for a card (spec 1.1 "Interrupts"): `id` is the `card_id` (else
 * `<msg_id>:card:<index>`), `reason` `uagents_card`, `message` the card's title (plus its summary
 * rows), `responseSchema` from {@link cardResponseSchema}, `metadata.uagents` the card itself.
 */
export function cardInterrupt(card: UAgentsCard, msgId: string, index: number): Interrupt {
  const rows = list(card.payload.summary_rows).map((r) => `${str(r.label)}: ${str(r.value)}`)
  return {
    id: card.cardId ?? `${msgId}:card:${index}`,
    reason: 'uagents_card',
    message: [cardTitle(card), ...rows].join('\n'),
    responseSchema: cardResponseSchema(card),
    metadata: {
      uagents: {
        card_kind: card.kind,
        card_id: card.cardId,
        msg_id: msgId,
        card_payload: card.payload,
      },
    },
  }
}

/** Keeps the JSON primitives of an object (card selections are `dict[str, str|int|float|bool]`). */
function primitives(value: unknown): Record<string, Primitive> {
  const out: Record<string, Primitive> = {}
  if (!isObject(value)) return out
  for (const [k, v] of Object.entries(value)) {
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') out[k] = v
    else if (Array.isArray(v)) out[k] = v.map(String).join(',')
  }
  return out
}

/**
 * The card-response `MetadataContent` answering `card` with one `RunAgentInput.resume` entry:
 * `card_protocol_version: "1"`, `card_id` when the card had one, `cancelled: "true"` for a
 * cancelled entry, else `selection` = the chosen CTA's `selection` merged with the answered
 * fields (JSON object of primitives; an `action` names the CTA and is not sent itself).
 */
export function cardResponseContent(
  card: UAgentsCard | undefined,
  entry: ResumeEntry,
): UAgentsMetadataContent {
  const metadata: Record<string, string> = { card_protocol_version: '1' }
  if (card?.cardId !== undefined) metadata.card_id = card.cardId
  if (entry.status === 'cancelled') {
    metadata.cancelled = 'true'
    return { type: 'metadata', metadata }
  }
  const { action, ...fields } = isObject(entry.payload) ? entry.payload : {}
  const ctas = card ? cardCtas(card) : []
  const cta = card?.kind === 'form' ? ctas[0] : ctas.find((c) => c.label === action)
  const selection = { ...primitives(cta?.selection), ...primitives(fields) }
  if (cta === undefined && typeof action === 'string') selection.action = action
  metadata.selection = JSON.stringify(selection)
  return { type: 'metadata', metadata }
}
