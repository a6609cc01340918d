'use client'

import { useTranslation } from '@payloadcms/ui'

import type { VoicesTranslationKey, VoicesTranslations } from './index'

/** Payload's `useTranslation`, typed for Voices' own keys as well as Payload's. */
export const useVoicesTranslation = () => useTranslation<VoicesTranslations, VoicesTranslationKey>()
