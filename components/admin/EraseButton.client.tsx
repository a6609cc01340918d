'use client'

import { Button, useAuth, useDocumentInfo } from '@payloadcms/ui'
import { useState } from 'react'

import { useVoicesTranslation } from '@/lib/i18n/admin/useVoicesTranslation'

/**
 * "Erase private data" on a participant's or leader's page, for safeguarding staff and admins.
 * Calls the erase endpoint after a confirmation that says exactly what will be removed.
 */
export function EraseButton() {
  const { t } = useVoicesTranslation()
  const { user } = useAuth<{ role?: string }>()
  const { id, collectionSlug } = useDocumentInfo()
  const [state, setState] = useState<'idle' | 'working' | 'done' | 'failed'>('idle')
  if (!id || !user || !['admin', 'safeguarding'].includes(user.role ?? '')) return null

  const erase = async () => {
    const sure = window.confirm(t('voices:publishing:eraseConfirm'))
    if (!sure) return
    setState('working')
    const response = await fetch(`/api/${collectionSlug}/${id}/erase`, { method: 'POST', credentials: 'include' })
    setState(response.ok ? 'done' : 'failed')
    if (response.ok) window.location.reload()
  }

  return (
    <div style={{ marginBottom: '1.5rem' }}>
      <Button buttonStyle="error" onClick={erase} disabled={state === 'working'}>
        {t('voices:publishing:erase')}
      </Button>
      {state === 'failed' ? <p role="alert">{t('voices:publishing:eraseFailed')}</p> : null}
    </div>
  )
}
