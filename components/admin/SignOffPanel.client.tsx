'use client'

import { Button, useAuth, useDocumentInfo } from '@payloadcms/ui'
import { useEffect, useState } from 'react'

import { useVoicesTranslation } from '@/lib/i18n/admin/useVoicesTranslation'

type SignOff = { signedOffAt?: string | null; signedOffByName?: string | null } | null | undefined

/**
 * The story's safeguarding sign-off in the sidebar: who signed and when, or that nobody has
 * signed this version yet. Safeguarding staff and admins get the button that signs it.
 */
export function SignOffPanel() {
  const { user } = useAuth<{ role?: string }>()
  const { id, savedDocumentData, lastUpdateTime } = useDocumentInfo()
  const { t, i18n } = useVoicesTranslation()
  const [state, setState] = useState<'idle' | 'working' | { refused: string }>('idle')
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

  const signOff = savedDocumentData?.signOff as SignOff
  const canSign = ['admin', 'safeguarding'].includes(user?.role ?? '')

  const sign = async () => {
    setState('working')
    const response = await fetch(`/api/stories/${id}/sign-off`, {
      method: 'POST',
      credentials: 'include',
      headers: { 'content-type': 'application/json', 'Accept-Language': i18n.language },
      body: JSON.stringify(version ? { version: version.id, updatedAt: version.updatedAt } : {}),
    })
    if (!response.ok) {
      // Voices' refusal, in the admin's language (lib/refusals), or a plain failure.
      const body = (await response.json().catch(() => null)) as { errors?: Array<{ message?: string }> } | null
      return setState({ refused: body?.errors?.[0]?.message ?? t('voices:publishing:signOffFailed') })
    }
    window.location.reload()
  }

  return (
    <section aria-labelledby="sign-off-heading" style={{ marginBottom: '1.5rem' }}>
      <h4 id="sign-off-heading" style={{ margin: '0 0 0.5rem' }}>
        {t('voices:publishing:signOffHeading')}
      </h4>
      {signOff?.signedOffAt ? (
        <p data-testid="sign-off-status">
          {t('voices:publishing:signedOffBy', {
            name: signOff.signedOffByName ?? t('voices:publishing:signOffHeading'),
            date: new Date(signOff.signedOffAt).toLocaleString(i18n.language),
          })}
        </p>
      ) : (
        <p data-testid="sign-off-status">{t('voices:publishing:notSignedOff')}</p>
      )}
      {canSign ? (
        <Button buttonStyle="secondary" onClick={sign} disabled={state === 'working' || !version}>
          {signOff?.signedOffAt ? t('voices:publishing:signOffAgain') : t('voices:publishing:signOff')}
        </Button>
      ) : null}
      {typeof state === 'object' ? <p role="alert">{state.refused}</p> : null}
    </section>
  )
}
