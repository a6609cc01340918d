'use client'

import { Button, useAuth, useDocumentInfo } from '@payloadcms/ui'
import { useState } from 'react'

type SignOff = { signedOffAt?: string | null; signedOffByName?: string | null } | null | undefined

/**
 * The story's safeguarding sign-off in the sidebar: who signed and when, or that nobody has
 * signed this version yet. Safeguarding staff and admins get the button that signs it.
 */
export function SignOffPanel() {
  const { user } = useAuth<{ role?: string }>()
  const { id, savedDocumentData } = useDocumentInfo()
  const [state, setState] = useState<'idle' | 'working' | 'failed'>('idle')
  if (!id) return null

  const signOff = savedDocumentData?.signOff as SignOff
  const canSign = ['admin', 'safeguarding'].includes(user?.role ?? '')

  const sign = async () => {
    setState('working')
    const response = await fetch(`/api/stories/${id}/sign-off`, { method: 'POST', credentials: 'include' })
    if (!response.ok) return setState('failed')
    window.location.reload()
  }

  return (
    <section aria-labelledby="sign-off-heading" style={{ marginBottom: '1.5rem' }}>
      <h4 id="sign-off-heading" style={{ margin: '0 0 0.5rem' }}>
        Safeguarding sign-off
      </h4>
      {signOff?.signedOffAt ? (
        <p data-testid="sign-off-status">
          Signed off by {signOff.signedOffByName ?? 'safeguarding'} on {new Date(signOff.signedOffAt).toLocaleString()}
        </p>
      ) : (
        <p data-testid="sign-off-status">
          Not signed off. A story that features, mentions or shows a participant needs a safeguarding sign-off on its
          current text before it can be published; editing it afterwards clears the sign-off.
        </p>
      )}
      {canSign ? (
        <Button buttonStyle="secondary" onClick={sign} disabled={state === 'working'}>
          {signOff?.signedOffAt ? 'Sign off again' : 'Sign off'}
        </Button>
      ) : null}
      {state === 'failed' ? <p role="alert">Signing off failed; nothing was changed. Please try again.</p> : null}
    </section>
  )
}
