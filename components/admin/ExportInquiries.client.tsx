'use client'

import { Button, useConfig, useTranslation } from '@payloadcms/ui'

/**
 * "Export CSV" above the inquiries list: downloads every inquiry the signed-in editor or admin
 * may read (collections/Inquiries/endpoints/exportCsv.ts), signed in by her session cookie.
 */
export function ExportInquiries() {
  const { i18n } = useTranslation()
  const {
    config: {
      routes: { api },
    },
  } = useConfig()
  return (
    <div style={{ marginBottom: '1rem' }}>
      <Button el="anchor" buttonStyle="secondary" size="small" url={`${api}/inquiries/export.csv`}>
        {i18n.language === 'ru' ? 'Экспорт в CSV' : 'Export CSV'}
      </Button>
    </div>
  )
}
