import type { CollectionBeforeChangeHook, CollectionSlug } from 'payload'

import { ValidationError } from 'payload'

import { voicesT } from '@/lib/refusals/translate'

/**
 * What rich text may point at: stories and programs, which the public site shows in their own
 * right, and images from Media. A person is named with a mention or a pull quote's speaker,
 * which the consent gate weighs (privacy/content/uses.ts); a link or relationship to her record,
 * or an upload node for another collection's file, would carry her id into a published story
 * with no consent asked and no sign-off. The relationship and upload drawers offer nothing else
 * (lib/richText/editor.ts), nor does the link drawer (lib/richText/safeLinks.ts); a link to
 * anything else is refused when saved, saying how to name a person. This holds for a body sent
 * as crafted JSON too, over every API, drafts included.
 */
export const linkableCollections = ['stories', 'programs'] as const satisfies CollectionSlug[]
export const embeddableUploads = ['media'] as const satisfies CollectionSlug[]

const linkable = new Set<string>(linkableCollections)
const embeddable = new Set<string>(embeddableUploads)

type Node = { type?: unknown; relationTo?: unknown; fields?: { linkType?: unknown; doc?: { relationTo?: unknown } } }

/**
 * The collections a rich-text value points at that it may not, each once. Every object in the
 * value is looked at, so nodes nested in blocks, and every locale's value, are too.
 */
export function referencesNotAllowed(value: unknown, found = new Set<string>()): string[] {
  if (Array.isArray(value)) for (const item of value) referencesNotAllowed(item, found)
  else if (value && typeof value === 'object') {
    const { type, relationTo, fields } = value as Node
    if ((type === 'link' || type === 'autolink') && fields?.linkType === 'internal') {
      const target = String(fields.doc?.relationTo ?? '')
      if (!linkable.has(target)) found.add(target || 'unknown')
    }
    if (type === 'relationship' && !linkable.has(String(relationTo))) found.add(String(relationTo))
    if (type === 'upload' && !embeddable.has(String(relationTo))) found.add(String(relationTo))
    for (const child of Object.values(value)) referencesNotAllowed(child, found)
  }
  return [...found]
}

/** Refuses a save whose rich-text `fields` point at anything but stories, programs and media. */
export function refuseReferencesNotAllowed(fields: string[]): CollectionBeforeChangeHook {
  return ({ collection, data, req }) => {
    const errors = fields.flatMap((path) =>
      referencesNotAllowed(data?.[path]).map((target) => {
        const message = voicesT(req)('voices:richText:referenceNotAllowed', { collection: target.slice(0, 40) })
        return { path, code: 'referenceNotAllowed', label: message, message }
      }),
    )
    if (errors.length > 0) throw new ValidationError({ collection: collection.slug, req, errors }, req.t)
    return data
  }
}
