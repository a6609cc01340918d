'use client'

import { useDocumentInfo } from '@payloadcms/ui'
import { useEffect, useState } from 'react'

import { useVoicesTranslation } from '@/lib/i18n/admin/useVoicesTranslation'
import type { PublishProblem } from '@/privacy/publishing/publishProblems'

type Check = { ready: boolean; problems: PublishProblem[] }

/**
 * What would stop the story's saved version going live now, shown before anyone presses Publish
 * or schedules it. The reasons come from the server in the admin's language. Re-checked after
 * each save.
 */
export function PublishChecks() {
  const { id, lastUpdateTime } = useDocumentInfo()
  const { t, i18n } = useVoicesTranslation()
  const [check, setCheck] = useState<Check | null>(null)

  useEffect(() => {
    if (!id) return
    const controller = new AbortController()
    fetch(`/api/stories/${id}/publish-check`, {
      credentials: 'include',
      headers: { 'Accept-Language': i18n.language },
      signal: controller.signal,
    })
      .then((response) => (response.ok ? (response.json() as Promise<Check>) : null))
      .then(setCheck)
      .catch(() => undefined)
    return () => controller.abort()
  }, [id, lastUpdateTime, i18n.language])

  if (!id || !check) return null
  return (
    <section aria-labelledby="publish-checks-heading" data-testid="publish-checks" style={{ marginBottom: '1.5rem' }}>
      <h4 id="publish-checks-heading" style={{ margin: '0 0 0.5rem' }}>
        {t('voices:publishing:readyHeading')}
      </h4>
      {check.ready ? (
        <p>{t('voices:publishing:ready')}</p>
      ) : (
        <>
          <p>{t('voices:publishing:notReady')}</p>
          <ul>
            {check.problems.map((problem) => (
              <li key={`${problem.code}:${problem.message}`} data-code={problem.code}>
                {problem.message}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  )
}
