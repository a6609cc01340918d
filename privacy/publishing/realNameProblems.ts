import type { PayloadRequest } from 'payload'

import { consent } from '@/lib/i18n/admin/consent'
import { locales } from '@/lib/locales'
import { voicesT } from '@/lib/refusals/translate'
import type { AllLocales } from '@/privacy/content/documentAsSaved'
import { realNamesInDocument } from '@/privacy/names/realNamesInDocument'

import type { ConsentError } from './consentGate'

/** Fields staff know by a name of their own; any other is named as it is. */
const fieldKeys: Record<string, keyof typeof consent.en> = {
  title: 'fieldTitle',
  name: 'fieldTitle',
  slug: 'fieldAddress',
  excerpt: 'fieldExcerpt',
  summary: 'fieldExcerpt',
  body: 'fieldBody',
  description: 'fieldBody',
  meta: 'fieldSeo',
}

/** What the public never reads of a story or program, or Voices derives from what it does. */
const leaveOut = [
  'id',
  '_status',
  'reviewStatus',
  'signOff',
  'author',
  'dependsOn',
  'mediaUsed',
  'searchText',
  'searchIndex',
  'publishedAt',
  'createdAt',
  'updatedAt',
  'generateSlug',
]

/**
 * A story or program cannot go live while it spells out someone's real name
 * (privacy/names/realNamesInDocument.ts):
 * one problem per field and language, in the request's language, naming where and never whose.
 */
export async function realNameProblems(doc: AllLocales, req: PayloadRequest): Promise<ConsentError[]> {
  const t = voicesT(req)
  const label = { en: consent.en.realNameInTextLabel, ru: consent.ru.realNameInTextLabel }
  return (await realNamesInDocument(doc, req, leaveOut)).map(({ field, locale }) => {
    const language = locales.find((l) => l.code === locale)?.label ?? locales.map((l) => l.label).join(', ')
    const key = fieldKeys[field]
    const message = t('voices:consent:realNameInText', {
      field: key ? t(`voices:consent:${key}`) : `“${field}”`,
      locale: language,
    })
    return { path: field, code: 'realNameInText', message, label }
  })
}
