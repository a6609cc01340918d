import type { Payload } from 'payload'

import { initI18n } from '@payloadcms/translations'

import { voicesT, type VoicesT } from '@/lib/refusals/translate'

/** Payload's i18n as a request in this admin language carries it. */
export async function adminI18n(payload: Payload, language: 'en' | 'ru') {
  return initI18n({ config: payload.config.i18n, language, context: 'api' })
}

/** Voices' admin texts as Payload's own i18n gives them to a request in this language. */
export async function adminT(payload: Payload, language: 'en' | 'ru'): Promise<VoicesT> {
  return voicesT({ t: (await adminI18n(payload, language)).t as never })
}
