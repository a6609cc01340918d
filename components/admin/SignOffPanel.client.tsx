'use client'

import { Button, useAuth, useDocumentInfo, useTranslation } from '@payloadcms/ui'
import { useEffect, useState } from 'react'

type SignOff = { signedOffAt?: string | null; signedOffByName?: string | null } | null | undefined

const text = {
  en: {
    heading: 'Safeguarding sign-off',
    signedBy: 'Signed off by',
    on: 'on',
    notSigned:
      'Not signed off. A story that features, mentions or shows a participant needs a safeguarding sign-off on its current text before it can be published; editing it afterwards clears the sign-off.',
    sign: 'Sign off',
    signAgain: 'Sign off again',
    failed: 'Signing off failed; nothing was changed. Please try again.',
    changed: 'The story was changed since you opened it; nothing was signed. Reload to review the latest version.',
  },
  ru: {
    heading: 'Одобрение службы защиты',
    signedBy: 'Одобрено:',
    on: '—',
    notSigned:
      'Не одобрено. Историю, в которой есть участница (в тексте, в списке или на фото), можно опубликовать только после одобрения службой защиты её текущей версии; любая правка после этого снимает одобрение.',
    sign: 'Одобрить',
    signAgain: 'Одобрить снова',
    failed: 'Не удалось одобрить; ничего не изменилось. Попробуйте ещё раз.',
    changed:
      'История изменилась после того, как вы её открыли; ничего не одобрено. Обновите страницу и проверьте последнюю версию.',
  },
}

/**
 * The story's safeguarding sign-off in the sidebar: who signed and when, or that nobody has
 * signed this version yet. Safeguarding staff and admins get the button that signs it.
 */
export function SignOffPanel() {
  const { user } = useAuth<{ role?: string }>()
  const { id, savedDocumentData, lastUpdateTime } = useDocumentInfo()
  const { i18n } = useTranslation()
  const [state, setState] = useState<'idle' | 'working' | 'failed' | 'changed'>('idle')
  // The version on screen: the sign-off is refused if the story is saved again before she signs.
  const [version, setVersion] = useState<{ id: string; updatedAt: string } | null>(null)
  useEffect(() => {
    if (!id) return
    const controller = new AbortController()
    const query = `where[parent][equals]=${encodeURIComponent(String(id))}&sort=-updatedAt&limit=1&depth=0`
    fetch(`/api/stories/versions?${query}`, { credentials: 'include', signal: controller.signal })
      .then((response) =>
        response.ok ? (response.json() as Promise<{ docs?: Array<{ id: string; updatedAt: string }> }>) : null,
      )
      .then((result) => setVersion(result?.docs?.[0] ?? null))
      .catch(() => undefined)
    return () => controller.abort()
  }, [id, lastUpdateTime])
  if (!id) return null
  const t = i18n.language === 'ru' ? text.ru : text.en

  const signOff = savedDocumentData?.signOff as SignOff
  const canSign = ['admin', 'safeguarding'].includes(user?.role ?? '')

  const sign = async () => {
    setState('working')
    const response = await fetch(`/api/stories/${id}/sign-off`, {
      method: 'POST',
      credentials: 'include',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(version ? { version: version.id, updatedAt: version.updatedAt } : {}),
    })
    if (response.status === 409) return setState('changed')
    if (!response.ok) return setState('failed')
    window.location.reload()
  }

  return (
    <section aria-labelledby="sign-off-heading" style={{ marginBottom: '1.5rem' }}>
      <h4 id="sign-off-heading" style={{ margin: '0 0 0.5rem' }}>
        {t.heading}
      </h4>
      {signOff?.signedOffAt ? (
        <p data-testid="sign-off-status">
          {t.signedBy} {signOff.signedOffByName ?? t.heading} {t.on}{' '}
          {new Date(signOff.signedOffAt).toLocaleString(i18n.language)}
        </p>
      ) : (
        <p data-testid="sign-off-status">{t.notSigned}</p>
      )}
      {canSign ? (
        <Button buttonStyle="secondary" onClick={sign} disabled={state === 'working' || !version}>
          {signOff?.signedOffAt ? t.signAgain : t.sign}
        </Button>
      ) : null}
      {state === 'failed' || state === 'changed' ? <p role="alert">{t[state]}</p> : null}
    </section>
  )
}
