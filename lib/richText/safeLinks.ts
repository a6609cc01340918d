import type { CollectionBeforeChangeHook, TextField, TextFieldSingleValidation } from 'payload'

import { LinkFeature } from '@payloadcms/richtext-lexical'
import { ValidationError } from 'payload'

import { linkableCollections } from '@/lib/richText/documentReferences'
import { voicesT } from '@/lib/refusals/translate'

/**
 * Where a link in a story, program or leader's text may point: the web (http, https), an e-mail
 * address or phone number, or a path on this site. Payload's own link check only rewrites
 * addresses it cannot read, and lets `javascript:window.print`-shaped ones through; a body sent
 * to the API as crafted JSON reaches the same check.
 *
 * Two places hold it: the link drawer's URL field (the editor sees the problem as she types), and
 * a hook on every save of a collection with rich text, since Payload validates fields only when
 * a document is published, not when a draft is saved.
 */
const allowedSchemes = new Set(['http:', 'https:', 'mailto:', 'tel:'])

const here = 'https://voices.invalid'

function staysOnSite(path: string): boolean {
  try {
    return new URL(path, `${here}/`).origin === here
  } catch {
    return false
  }
}

export function unsafeLinkProblem(url: string): string | null {
  const trimmed = url.trim()
  // A path or an anchor on this site, read as a browser reads it: `//host`, `/\host` and
  // `/<tab>/host` all leave the site.
  if (/^[/#?\\]/.test(trimmed)) {
    return staysOnSite(trimmed)
      ? null
      : 'A path on this site starts with a single “/” and a name (/en/stories), not another site’s address.'
  }
  let scheme: string
  try {
    scheme = new URL(trimmed).protocol
  } catch {
    return 'Enter a full address (https://…), an e-mail (mailto:…), a phone number (tel:…) or a path on this site (/…).'
  }
  if (allowedSchemes.has(scheme.toLowerCase())) return null
  return `Links cannot use “${scheme}” addresses: use https://, mailto:, tel: or a path on this site.`
}

const safeLinkUrl: TextFieldSingleValidation = (value, { siblingData }) => {
  if ((siblingData as { linkType?: string } | undefined)?.linkType === 'internal') return true
  if (typeof value !== 'string' || !value.trim()) return 'Enter the address the link goes to.'
  return unsafeLinkProblem(value) ?? true
}

/**
 * Payload's link feature with the check above on its URL; it replaces the default one (same key).
 * Its drawer offers internal links to the collections rich text may point at, and no others.
 */
export const SafeLinkFeature = () =>
  LinkFeature({
    enabledCollections: [...linkableCollections],
    fields: ({ defaultFields }) =>
      defaultFields.map((field) =>
        field.type === 'text' && field.name === 'url' ? ({ ...field, validate: safeLinkUrl } as TextField) : field,
      ),
  })

type Node = { type?: unknown; fields?: { linkType?: unknown; url?: unknown }; children?: unknown }

/** Every link address in a rich-text value (all locales, nested blocks included). */
function linkUrls(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) for (const item of value) linkUrls(item, found)
  else if (value && typeof value === 'object') {
    const node = value as Node
    if ((node.type === 'link' || node.type === 'autolink') && node.fields?.linkType !== 'internal') {
      found.push(typeof node.fields?.url === 'string' ? node.fields.url : '')
    }
    for (const child of Object.values(value)) linkUrls(child, found)
  }
  return found
}

/** Refuses a save whose rich-text `fields` hold a link to anywhere but the web, mail, phone or the site. */
export function refuseUnsafeLinks(fields: string[]): CollectionBeforeChangeHook {
  return ({ collection, data, req }) => {
    const errors = fields.flatMap((path) =>
      linkUrls(data?.[path])
        .filter((url) => unsafeLinkProblem(url))
        .map((url) => {
          const message = voicesT(req)('voices:richText:unsafeLink', { url: url.slice(0, 80) })
          return { path, code: 'unsafeLink', label: message, message }
        }),
    )
    if (errors.length > 0) throw new ValidationError({ collection: collection.slug, req, errors }, req.t)
    return data
  }
}
