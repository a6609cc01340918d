import { createHash } from 'node:crypto'

import { polymorphicRef, relationId } from '@/lib/relations'
import { truncateAtWord } from '@/lib/richText/plainText'
import { toSlug } from '@/lib/slugify'
import { blockType, walkLexical } from '@/lib/richText/walk'
import { locales } from '@/lib/locales'
import { type AllLocales } from '@/privacy/content/documentAsSaved'
import { peopleCollections } from '@/privacy/content/uses'

/** The sign-off as stored on a story. */
export type SignOffRecord = {
  signedOffBy?: unknown
  signedOffByName?: string | null
  signedOffAt?: string | null
  /** The version safeguarding reviewed (empty when the sign-off was given as the story was written). */
  version?: string | null
  /** `signedContentDigest` of what she signed: the sign-off holds only while the content matches. */
  digest?: string | null
}

/** No sign-off: what a story carries before safeguarding signs, and after its content changes. */
export const noSignOff: SignOffRecord = {
  signedOffBy: null,
  signedOffByName: null,
  signedOffAt: null,
  version: null,
  digest: null,
}

/** Passed as a write's context by the sign-off endpoint (and the demo seed) to sign it off. */
export type SignOffContext = { signOff?: { by?: string; name: string; version?: string } }

const localeCodes = locales.map((l) => l.code)

function inLocale(value: unknown, locale: string): unknown {
  return value && typeof value === 'object' ? (value as Record<string, unknown>)[locale] : undefined
}

/** What a reader meets in a body: its words, who it mentions or quotes, which images it shows, in order. */
function bodyContent(body: unknown, out: string[]): void {
  walkLexical(body, {
    enter: (node) => {
      if (typeof node.text === 'string') out.push(node.text)
      if (node.type === 'upload') out.push(`[image ${relationId(node.value) ?? ''}]`)
      if (node.type === 'link' || node.type === 'autolink') {
        const { url, doc } = (node.fields ?? {}) as { url?: unknown; doc?: { relationTo?: unknown; value?: unknown } }
        out.push(
          `[link ${typeof url === 'string' ? url : ''} ${String(doc?.relationTo ?? '')}:${relationId(doc?.value) ?? ''}]`,
        )
      }
      const type = blockType(node)
      if (type) {
        const { id: _id, blockName: _name, ...fields } = node.fields ?? {}
        // Relationships count by what they point at, whether or not they arrived populated.
        const normalised = Object.fromEntries(
          Object.entries(fields).map(([key, value]) => {
            const ref = polymorphicRef(value, peopleCollections)
            return [key, ref ? `${ref.relationTo}:${ref.id}` : value]
          }),
        )
        out.push(JSON.stringify(normalised))
      }
    },
    leave: (node) => {
      if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'listitem') out.push('\n')
    },
  })
}

const ids = (values: unknown) =>
  ((values as unknown[] | null | undefined) ?? [])
    .map((value) => {
      const ref = polymorphicRef(value, peopleCollections)
      return ref ? `${ref.relationTo}:${ref.id}` : (relationId(value) ?? '')
    })
    .sort()
    .join(',')

/**
 * The story's address. Payload derives an empty slug from the title only after this digest is
 * taken (in a field hook), so an empty one counts as the slug its title will give.
 */
function slugOf(story: AllLocales): string {
  if (typeof story.slug === 'string' && story.slug) return story.slug
  const titles = localeCodes.map((locale) => inLocale(story.title, locale)).filter((t) => typeof t === 'string' && t)
  return toSlug(String(titles[0] ?? ''))
}

/**
 * A digest of everything the public reads in a story, in every language: title, its address
 * (slug), excerpt, body (words, links, mentions, quotes and their speakers, images), the SEO
 * title, description and share image, the hero image, its program and tags, and everyone the
 * story features or depends on. An excerpt derived from
 * the body is covered by the body; formatting and people's current names are left out, so
 * re-saving an unchanged story or renaming someone does not undo a sign-off, while any edit to
 * what it says or shows, in any language, does.
 */
export function signedContentDigest(story: AllLocales): string {
  const parts: string[] = []
  const meta = (story.meta ?? {}) as Record<string, unknown>
  for (const locale of localeCodes) {
    parts.push(`[${locale}]`, JSON.stringify(inLocale(story.title, locale) ?? null))
    const excerpt = inLocale(story.excerpt, locale)
    const derived = truncateAtWord(String(inLocale(story.searchText, locale) ?? ''))
    parts.push(`[excerpt ${typeof excerpt === 'string' && excerpt !== derived ? excerpt : ''}]`)
    bodyContent(inLocale(story.body, locale), parts)
    parts.push(
      `[seo ${JSON.stringify([inLocale(meta.title, locale) ?? null, inLocale(meta.description, locale) ?? null])}]`,
    )
    parts.push(`[share ${relationId(inLocale(meta.image, locale)) ?? ''}]`)
  }
  parts.push(`[slug ${slugOf(story)}]`)
  parts.push(`[hero ${relationId(story.heroImage) ?? ''}]`)
  parts.push(`[program ${relationId(story.program) ?? ''}] [tags ${ids(story.tags)}]`)
  parts.push(`[featured ${ids(story.featuredParticipants)} ${ids(story.featuredLeaders)}]`)
  parts.push(`[personal ${ids(story.personalDetailsOf)}]`)
  parts.push(`[people ${[...((story.dependsOn as string[] | null) ?? [])].sort().join(',')}]`)
  return createHash('sha256').update(parts.join('\u0000')).digest('hex')
}

/**
 * Stories that feature, mention, quote or show a participant need a safeguarding sign-off to
 * publish, and so does any story ever taken down for consent: taking the person out of it is a
 * change for safeguarding to judge, not a way around her.
 */
export const needsSignOff = (dependsOn: readonly string[] | null | undefined, takedowns?: unknown): boolean =>
  (dependsOn ?? []).some((key) => key.startsWith('participants:')) || lastTakedown(takedowns) !== null

/** When a story was last taken down for consent (its `takedowns`, ISO times), or null. */
export function lastTakedown(takedowns: unknown): string | null {
  const times = Array.isArray(takedowns) ? takedowns.filter((t): t is string => typeof t === 'string') : []
  return times.length > 0 ? times.reduce((a, b) => (new Date(a) > new Date(b) ? a : b)) : null
}

/**
 * A sign-off holds for exactly the content it was given for, and only if it was given after the
 * story was last taken down: safeguarding signed while the people in it consented, and a
 * withdrawal or an expiry since may have changed everything about whether it is safe to publish.
 */
export function signOffHolds(
  signOff: SignOffRecord | null | undefined,
  digest: string,
  takenDownAt?: string | null,
): boolean {
  if (!signOff?.signedOffAt || !signOff.digest || signOff.digest !== digest) return false
  return !takenDownAt || new Date(signOff.signedOffAt).getTime() > new Date(takenDownAt).getTime()
}
