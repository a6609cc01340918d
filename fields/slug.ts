import type { CheckboxField, FieldHook, RequestContext, RowField, TextField } from 'payload'

import { slugField } from 'payload'

import { voicesT } from '@/lib/refusals/translate'
import { freeSlug, type SluggedCollection, slugError, slugHolders, slugTakenError } from '@/lib/slugs/holders'
import { toSlug } from '@/lib/slugify'

/**
 * A write whose slugs are suggestions rather than choices (the demo content): a taken one gets
 * a free number like a slug made from the title, instead of being refused.
 */
export const suggestedSlugs: RequestContext = { 'voices:suggestedSlugs': true }

type Id = number | string
type Doc = { id?: Id; slug?: string | null }

/**
 * The URL slug, shared by all locales, unique across the collection. Payload's slug field makes
 * it from `source` on create and, while the editor keeps "generate" on, as the title changes;
 * Voices settles what that gives:
 *
 * - a slug made from the title (or a duplicate's, or the seed's suggestion) never fails: when
 *   another document holds it, or the site's own pages use it (`reserved`), it becomes the first
 *   free `-2`, `-3`, …;
 * - a slug someone chose (typed, given to the API, or brought back by restoring a version) is
 *   refused when taken or reserved, with a message naming the holder if the writer may read it.
 *
 * This runs in every write (admin, REST, GraphQL, local API, seed, duplicate, restore, bulk, jobs),
 * drafts included. Two writes at the same instant can still pick the same slug; the database's
 * unique index then refuses the second in words (lib/slugs/conflictsInWords.ts).
 */
export function slug(source: string, reserved: string[] = []) {
  return slugField({
    useAsSlug: source,
    slugify: ({ valueToSlugify }) => toSlug(valueToSlugify) || undefined,
    overrides: (row) => {
      const generate = row.fields.find(named('generateSlug')) as CheckboxField
      const field = row.fields.find(named('slug')) as TextField
      generate.hooks = {
        ...generate.hooks,
        beforeChange: (generate.hooks?.beforeChange ?? []).map((hook) => settleSlug(hook, reserved)),
      }
      field.hooks = {
        ...field.hooks,
        // Payload's duplicate appends " - Copy"; a copy instead gets the next free slug of its title.
        beforeDuplicate: [() => null],
        afterChange: [...(field.hooks?.afterChange ?? []), followDraftSlug],
      }
      return row
    },
  })
}

/**
 * A draft save leaves the document's stored row alone, so an unpublished document's row keeps the
 * slug it was created with while its drafts move on, holding a slug nobody sees and that the
 * unique index would still refuse to others. While the document is not published, its row
 * follows its latest draft's slug; a published row keeps the slug the public reads.
 */
const followDraftSlug: FieldHook = async ({ collection, operation, originalDoc, previousValue, req, value }) => {
  const id = (originalDoc as Doc | undefined)?.id
  if (operation !== 'update' || !collection?.versions?.drafts || id === undefined || value === previousValue) {
    return value
  }
  const where = { id: { equals: id } }
  const row = (await req.payload.db.findOne({ collection: collection.slug, where, req })) as Doc & { _status?: string }
  if (row && row._status !== 'published' && (row.slug ?? null) !== (value ?? null)) {
    await req.payload.db.updateOne({ collection: collection.slug, where, data: { slug: value ?? null }, req })
  }
  return value
}

function named(name: string) {
  return (field: RowField['fields'][number]) => 'name' in field && field.name === name
}

/** Payload's generation hook (on the hidden "generate" checkbox, which runs before the slug), then Voices' rules. */
function settleSlug(generate: FieldHook, reserved: string[]): FieldHook {
  return async (args) => {
    const { collection, context, data, operation, originalDoc, req } = args
    const incoming = data?.slug as unknown
    const result = await generate(args)
    if (!data || !collection || (operation !== 'create' && operation !== 'update')) return result
    const collectionSlug = collection.slug as SluggedCollection
    const previous = operation === 'update' ? ((originalDoc as Doc | undefined)?.slug ?? null) : null
    const self = operation === 'update' ? (originalDoc as Doc | undefined)?.id : undefined
    const generated = typeof data.slug === 'string' ? data.slug : ''

    // Chosen: a new value that Payload kept as given (or only tidied), rather than made from the title.
    const chosen = typeof incoming === 'string' ? toSlug(incoming) : ''
    const isChoice =
      chosen !== '' &&
      incoming !== previous &&
      (generated === incoming || generated === chosen) &&
      !context['voices:suggestedSlugs']

    if (isChoice) {
      if (reserved.includes(chosen)) {
        throw slugError(req, collectionSlug, 'slugReserved', voicesT(req)('voices:slugs:reserved', { slug: chosen }))
      }
      const holder = (await slugHolders(collectionSlug, [chosen], self, req)).get(chosen)
      if (holder !== undefined) throw await slugTakenError(collectionSlug, chosen, holder, req)
      data.slug = chosen
      return result
    }
    const base = toSlug(generated)
    if (!base) {
      data.slug = null
      return result
    }
    // Unchanged: nothing to settle (checking it again on every autosave would only cost queries).
    if (base === previous) return result
    data.slug = await freeSlug(collectionSlug, base, self, reserved, req)
    return result
  }
}
