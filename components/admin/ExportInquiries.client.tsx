'use client'

import { Button, useConfig } from '@payloadcms/ui'

import { useVoicesTranslation } from '@/lib/i18n/admin/useVoicesTranslation'

/**
 * "Export CSV" above the inquiries list: downloads every inquiry the signed-in editor or admin
 * may read (collections/Inquiries/endpoints/exportCsv.ts), signed in by her session cookie.
 */
export function ExportInquiries() {
  const { t } = useVoicesTranslation()
  const {
    config: {
      routes: { api },
    },
  } = useConfig()
  return (
    <div style={{ marginBottom: '1rem' }}>
      <Button el="anchor" buttonStyle="secondary" size="small" url={`${api}/inquiries/export.csv`}>
        {t('voices:common:exportCsv')}
      </Button>
    </div>
  )
}
