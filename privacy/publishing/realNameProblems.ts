import type { PayloadRequest } from 'payload'

import { consent } from '@/lib/i18n/admin/consent'
import { locales } from '@/lib/locales'
import { voicesT } from '@/lib/refusals/translate'
import type { AllLocales } from '@/privacy/content/documentAsSaved'
import { type RealNameHit, realNamesInStory } from '@/privacy/names/realNamesInStory'

import type { ConsentError } from './consentGate'

const fieldKeys = {
  title: 'fieldTitle',
  slug: 'fieldAddress',
  excerpt: 'fieldExcerpt',
  body: 'fieldBody',
  meta: 'fieldSeo',
} as const satisfies Record<RealNameHit['field'], keyof typeof consent.en>

/** The form field each hit is shown against in the admin. */
const paths: Record<RealNameHit['field'], string> = {
  title: 'title',
  slug: 'slug',
  excerpt: 'excerpt',
  body: 'body',
  meta: 'meta',
}

/**
 * A story cannot go live while it spells out someone's real name (privacy/names/realNamesInStory.ts):
 * one problem per field and language, in the request's language, naming where and never whose.
 */
export async function realNameProblems(story: AllLocales, req: PayloadRequest): Promise<ConsentError[]> {
  const t = voicesT(req)
  const label = { en: consent.en.realNameInTextLabel, ru: consent.ru.realNameInTextLabel }
  return (await realNamesInStory(story, req)).map(({ field, locale }) => {
    const language = locales.find((l) => l.code === locale)?.label ?? locales.map((l) => l.label).join(', ')
    const message = t('voices:consent:realNameInText', {
      field: t(`voices:consent:${fieldKeys[field]}`),
      locale: language,
    })
    return { path: paths[field], code: 'realNameInText', message, label }
  })
}
