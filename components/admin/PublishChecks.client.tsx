'use client'

import { useDocumentInfo, useTranslation } from '@payloadcms/ui'
import { useEffect, useState } from 'react'

type Check = { ready: boolean; problems: string[] }

const text = {
  en: {
    heading: 'Ready to publish?',
    ready: 'Yes: consent and sign-off are in place for this version.',
    notReady: 'Not yet:',
  },
  ru: { heading: 'Можно публиковать?', ready: 'Да: согласия и одобрение для этой версии есть.', notReady: 'Пока нет:' },
}

/**
 * What would stop the story's saved version going live now, shown before anyone presses Publish
 * or schedules it (Payload's schedule drawer cannot show a refusal). Re-checked after each save.
 */
export function PublishChecks() {
  const { id, lastUpdateTime } = useDocumentInfo()
  const { i18n } = useTranslation()
  const [check, setCheck] = useState<Check | null>(null)
  const t = i18n.language === 'ru' ? text.ru : text.en

  useEffect(() => {
    if (!id) return
    const controller = new AbortController()
    fetch(`/api/stories/${id}/publish-check`, { credentials: 'include', signal: controller.signal })
      .then((response) => (response.ok ? (response.json() as Promise<Check>) : null))
      .then(setCheck)
      .catch(() => undefined)
    return () => controller.abort()
  }, [id, lastUpdateTime])

  if (!id || !check) return null
  return (
    <section aria-labelledby="publish-checks-heading" data-testid="publish-checks" style={{ marginBottom: '1.5rem' }}>
      <h4 id="publish-checks-heading" style={{ margin: '0 0 0.5rem' }}>
        {t.heading}
      </h4>
      {check.ready ? (
        <p>{t.ready}</p>
      ) : (
        <>
          <p>{t.notReady}</p>
          <ul>
            {check.problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  )
}
