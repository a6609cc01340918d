import { LivePreviewListener } from '@/components/LivePreviewListener.client'
import { messages } from '@/lib/i18n'
import type { Locale } from '@/lib/locales'
import { exitPreviewRoute } from '@/lib/preview/paths'
import { previewer } from '@/lib/preview/session'

/**
 * "Previewing a draft · Exit preview", and the Live Preview listener, for staff in draft mode
 * with a valid session. Everyone else gets nothing, and their pages stay static.
 */
export async function PreviewBanner({ locale }: { locale: Locale }) {
  if (!(await previewer())) return null
  const t = messages(locale)
  return (
    <aside className="preview-banner" aria-label={t.previewBanner}>
      <LivePreviewListener />
      <p className="container">
        {t.previewingDraft} ·{' '}
        {/* A plain link: Next's <Link> would prefetch the route and end the preview by itself. */}
        <a href={`${exitPreviewRoute}?locale=${locale}`}>{t.exitPreview}</a>
      </p>
    </aside>
  )
}
