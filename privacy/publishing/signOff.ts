import { createHash } from 'node:crypto'

type Node = {
  type?: string
  text?: string
  children?: Node[]
  fields?: Record<string, unknown>
  relationTo?: string
  value?: unknown
}

function idOf(value: unknown): string {
  if (value && typeof value === 'object' && 'id' in value) return String((value as { id: unknown }).id)
  return value == null ? '' : String(value)
}

/** What a reader meets in a body: its words, who it mentions, which images it shows, in order. */
function bodyContent(body: unknown, out: string[]): void {
  const visit = (node: Node | undefined) => {
    if (!node) return
    if (typeof node.text === 'string') out.push(node.text)
    if (node.type === 'upload') out.push(`[image ${idOf(node.value)}]`)
    if (node.type === 'inlineBlock' || node.type === 'block') {
      const { person, ...rest } = node.fields ?? {}
      const ref = person as { relationTo?: string; value?: unknown } | undefined
      out.push(ref ? `[${ref.relationTo}:${idOf(ref.value)}]` : JSON.stringify({ ...rest, id: undefined }))
    }
    for (const child of node.children ?? []) visit(child)
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'listitem') out.push('\n')
  }
  visit((body as { root?: Node } | null | undefined)?.root)
}

export type SignedContent = {
  title?: unknown
  body?: unknown
  heroImage?: unknown
  featuredParticipants?: unknown[] | null
  dependsOn?: string[] | null
}

/**
 * A digest of what safeguarding staff sign off in one locale: title, the body's text, mentions
 * and images, the hero image and everyone the story depends on. Formatting and derived text
 * (excerpt, search text, people's current names) are left out, so re-saving an unchanged story
 * or renaming someone does not undo a sign-off, while any edit to what it says or shows does.
 */
export function signedContentDigest(story: SignedContent): string {
  const parts: string[] = [JSON.stringify(story.title ?? null)]
  bodyContent(story.body, parts)
  parts.push(`[hero ${idOf(story.heroImage)}]`)
  parts.push(`[featured ${(story.featuredParticipants ?? []).map(idOf).sort().join(',')}]`)
  parts.push(`[people ${[...(story.dependsOn ?? [])].sort().join(',')}]`)
  return createHash('sha256').update(parts.join('\u0000')).digest('hex')
}

/** Stories that feature, mention or show a participant need a safeguarding sign-off to publish. */
export const needsSignOff = (dependsOn: readonly string[] | null | undefined): boolean =>
  (dependsOn ?? []).some((key) => key.startsWith('participants:'))

/** How the admin's error toast names the problem, since the sign-off itself is not a form field. */
export const signOffMissingLabel = {
  en: 'Safeguarding sign-off (a safeguarding officer must sign off this version before it is published)',
  ru: 'Одобрение службы защиты (эту версию должна одобрить служба защиты до публикации)',
}

export const signOffMissingMessage =
  'Safeguarding has not signed off this version of the story. It features, mentions or shows a participant, so a safeguarding officer must sign it off before it can be published.'

/** Passed as a write's context by the sign-off endpoint (and the demo seed) to sign it off. */
export type SignOffContext = { signOff?: { by?: string; name: string } }
