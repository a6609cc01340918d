/**
 * Small builders for Lexical editor state, so demo stories read as prose in the seed files
 * rather than as JSON.
 */
import { randomBytes } from 'node:crypto'

type TextNode = {
  type: 'text'
  text: string
  format: number
  detail: 0
  mode: 'normal'
  style: ''
  version: 1
}

type ElementNode = {
  type: string
  children: Array<TextNode | ElementNode>
  direction: 'ltr'
  format: ''
  indent: 0
  version: 1
  [key: string]: unknown
}

export type RichText = { root: ElementNode }

export type Block =
  | string
  | { h2: string }
  | { quote: string }
  | { list: string[] }
  /** `speaker` is a person placeholder, `{{leaders:ID}}`; without one the quote is anonymous. */
  | { pullQuote: string; speaker?: string; anonymous?: 'participant' | 'leader' }
  /** An uploaded image, by the ID the seed gave it. */
  | { image: string }
  /** A call to action: a button to Get involved at `target`. */
  | { cta: { heading: string; text?: string; button: string; target: 'give' | 'volunteer' | 'partner' | 'contact' } }

const BOLD = 1
const ITALIC = 2

function text(value: string, format = 0): TextNode {
  return { type: 'text', text: value, format, detail: 0, mode: 'normal', style: '', version: 1 }
}

function element(type: string, children: ElementNode['children'], extra: Record<string, unknown> = {}): ElementNode {
  return { type, children, direction: 'ltr', format: '', indent: 0, version: 1, ...extra }
}

function link(label: string, target: string): ElementNode {
  const internal = target.match(/^(programs|stories):(.+)$/)
  const fields = internal
    ? { linkType: 'internal', newTab: false, doc: { relationTo: internal[1], value: internal[2] } }
    : { linkType: 'custom', newTab: false, url: target }
  return element('link', [text(label)], { fields, id: `${label.length}-${target.length}` })
}

function mention(collection: string, id: string): ElementNode {
  return {
    type: 'inlineBlock',
    version: 1,
    fields: {
      // Random, as the admin's editor makes them: an ID made from hers would be read from the block.
      id: randomBytes(12).toString('hex'),
      blockName: '',
      blockType: 'personMention',
      person: { relationTo: collection, value: id },
    },
  } as unknown as ElementNode
}

function speaker(placeholder: string | undefined) {
  const person = placeholder?.match(/^\{\{(participants|leaders):([^}]+)\}\}$/)
  return person ? { relationTo: person[1]!, value: person[2]! } : null
}

/**
 * `*word*` marks italics, `**word**` bold, `[text](programs:ID)` a link and
 * `{{participants:ID}}` a person mention: enough for demo prose.
 */
function inline(value: string): Array<TextNode | ElementNode> {
  return value
    .split(/(\*\*[^*]+\*\*|\*[^*]+\*|\[[^\]]+\]\([^)]+\)|\{\{(?:participants|leaders):[^}]+\}\})/)
    .filter(Boolean)
    .map((part) => {
      if (part.startsWith('**')) return text(part.slice(2, -2), BOLD)
      if (part.startsWith('*')) return text(part.slice(1, -1), ITALIC)
      const person = part.match(/^\{\{(participants|leaders):([^}]+)\}\}$/)
      if (person) return mention(person[1]!, person[2]!)
      const linked = part.match(/^\[([^\]]+)\]\(([^)]+)\)$/)
      if (linked) return link(linked[1]!, linked[2]!)
      return text(part)
    })
}

function block(value: Block): ElementNode {
  if (typeof value === 'string') return element('paragraph', inline(value), { textFormat: 0, textStyle: '' })
  if ('h2' in value) return element('heading', inline(value.h2), { tag: 'h2' })
  if ('quote' in value) return element('quote', inline(value.quote))
  if ('pullQuote' in value) {
    return {
      type: 'block',
      version: 2,
      format: '',
      fields: {
        id: `pq${value.pullQuote.length.toString(16).padStart(22, '0')}`,
        blockName: '',
        blockType: 'pullQuote',
        quote: value.pullQuote,
        speaker: speaker(value.speaker),
        anonymousAttribution: value.speaker ? null : (value.anonymous ?? null),
      },
    } as unknown as ElementNode
  }
  if ('cta' in value) {
    const { heading, text, button, target } = value.cta
    return {
      type: 'block',
      version: 2,
      format: '',
      fields: {
        id: `cta${`${target}${heading.length}`.padStart(21, '0')}`,
        blockName: '',
        blockType: 'callToAction',
        heading,
        text: text ?? null,
        buttonLabel: button,
        target,
      },
    } as unknown as ElementNode
  }
  if ('image' in value) {
    return {
      type: 'upload',
      version: 3,
      format: '',
      relationTo: 'media',
      value: value.image,
      fields: null,
    } as unknown as ElementNode
  }
  return element(
    'list',
    value.list.map((item, i) => element('listitem', inline(item), { value: i + 1 })),
    { listType: 'bullet', start: 1, tag: 'ul' },
  )
}

export function richText(...blocks: Block[]): RichText {
  return { root: element('root', blocks.map(block)) }
}
