import type { FieldHook } from 'payload'

import { plainText } from '@/lib/richText/plainText'

/** Keeps a plain-text copy of the body (per locale) for the site's full-text search. */
export const deriveSearchText: FieldHook = ({ data, originalDoc }) => plainText(data?.body ?? originalDoc?.body) || null
