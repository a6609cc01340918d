'use client'

import { useDocumentInfo, useFormFields, useLocale } from '@payloadcms/ui'

import { useVoicesTranslation } from '@/lib/i18n/admin/useVoicesTranslation'

import { locales } from '@/lib/locales'
import { isPreviewCollection, publicPath } from '@/lib/preview/paths'

/**
 * "View on site" in the sidebar of a story or program that has a published version: a link to
 * its public page in the locale being edited. Unpublished documents have no public page, so
 * nothing is shown (Live Preview shows their drafts).
 */
export function ViewOnSite() {
  const { collectionSlug, hasPublishedDoc } = useDocumentInfo()
  const slug = useFormFields(([fields]) => fields.slug?.value)
  const { code } = useLocale()
  const { t } = useVoicesTranslation()
  const locale = locales.find((l) => l.code === code)?.code
  if (!hasPublishedDoc || !isPreviewCollection(collectionSlug) || !locale || typeof slug !== 'string' || !slug) {
    return null
  }
  return (
    <p style={{ marginBottom: '1.5rem' }}>
      <a href={publicPath(collectionSlug, locale, slug)} target="_blank" rel="noopener">
        {t('voices:common:viewOnSite')} ↗
      </a>
    </p>
  )
}
