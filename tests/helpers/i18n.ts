import type { Payload } from 'payload'

import { initI18n } from '@payloadcms/translations'

import { voicesT, type VoicesT } from '@/lib/refusals/translate'

/** Voices' admin texts as Payload's own i18n gives them to a request in this language. */
export async function adminT(payload: Payload, language: 'en' | 'ru'): Promise<VoicesT> {
  const i18n = await initI18n({ config: payload.config.i18n, language, context: 'api' })
  return voicesT({ t: i18n.t as never })
}
