import type { NestedKeysStripped } from '@payloadcms/translations'

import { common } from './common'
import { consent } from './consent'
import { dashboard } from './dashboard'
import { mentions } from './mentions'
import { publishing } from './publishing'
import { reach } from './reach'
import { refusals } from './refusals'
import { richText } from './richText'
import { slugs } from './slugs'

/**
 * Voices' own admin texts, given to Payload's i18n under the `voices` namespace, one dictionary
 * per feature: `t('voices:common:viewOnSite')` in a client component (`useVoicesTranslation`) or
 * `req.t(...)` on the server. The admin's language is the one staff chose in Payload.
 */
const features = { common, consent, dashboard, mentions, publishing, reach, refusals, richText, slugs }

type Feature = keyof typeof features
type Dictionary<L extends 'en' | 'ru'> = { [F in Feature]: (typeof features)[F][L] }

function dictionary<L extends 'en' | 'ru'>(language: L): Dictionary<L> {
  return Object.fromEntries(Object.entries(features).map(([name, texts]) => [name, texts[language]])) as Dictionary<L>
}

export const adminTranslations = {
  en: { voices: dictionary('en') },
  ru: { voices: dictionary('ru') },
}

export type VoicesTranslations = (typeof adminTranslations)['en']
export type VoicesTranslationKey = NestedKeysStripped<VoicesTranslations>
