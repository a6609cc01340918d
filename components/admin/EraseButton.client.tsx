'use client'

import { Button, useAuth, useDocumentInfo, useTranslation } from '@payloadcms/ui'
import { useState } from 'react'

/**
 * "Erase private data" on a participant's or leader's page, for safeguarding staff and admins.
 * Calls the erase endpoint after a confirmation that says exactly what will be removed.
 */
const text = {
  en: {
    confirm:
      'Erase her private data for good? Her real or legal name, notes, consent record and evidence files are removed; stories that mention her will read "a participant". This cannot be undone.',
    button: 'Erase private data',
    failed: 'Erasing failed; nothing was changed. Please try again.',
  },
  ru: {
    confirm:
      'Удалить её личные данные навсегда? Будут удалены настоящее имя или имя по документам, заметки, запись о согласии и файлы подтверждений; в историях, где она упоминается, будет «участница». Отменить это нельзя.',
    button: 'Удалить личные данные',
    failed: 'Не удалось удалить; ничего не изменилось. Попробуйте ещё раз.',
  },
}

export function EraseButton() {
  const { i18n } = useTranslation()
  const t = i18n.language === 'ru' ? text.ru : text.en
  const { user } = useAuth<{ role?: string }>()
  const { id, collectionSlug } = useDocumentInfo()
  const [state, setState] = useState<'idle' | 'working' | 'done' | 'failed'>('idle')
  if (!id || !user || !['admin', 'safeguarding'].includes(user.role ?? '')) return null

  const erase = async () => {
    const sure = window.confirm(t.confirm)
    if (!sure) return
    setState('working')
    const response = await fetch(`/api/${collectionSlug}/${id}/erase`, { method: 'POST', credentials: 'include' })
    setState(response.ok ? 'done' : 'failed')
    if (response.ok) window.location.reload()
  }

  return (
    <div style={{ marginBottom: '1.5rem' }}>
      <Button buttonStyle="error" onClick={erase} disabled={state === 'working'}>
        {t.button}
      </Button>
      {state === 'failed' ? <p role="alert">{t.failed}</p> : null}
    </div>
  )
}
