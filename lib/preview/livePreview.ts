import type { RootLivePreviewConfig } from 'payload'

import { serverUrl } from '@/lib/env'
import { defaultLocale } from '@/lib/locales'

import { isPreviewCollection, previewRoute } from './paths'
import { previewSecret } from './secret'

/**
 * Live Preview for stories and programs: the admin shows the real public page in an iframe, at
 * phone, tablet and desktop widths, in the locale being edited. The iframe opens the draft-mode
 * route, which checks the secret and the editor's session before showing any draft.
 */
export const livePreview: RootLivePreviewConfig = {
  collections: ['stories', 'programs'],
  breakpoints: [
    { name: 'mobile', label: 'Mobile', width: 375, height: 667 },
    { name: 'tablet', label: 'Tablet', width: 768, height: 1024 },
    { name: 'desktop', label: 'Desktop', width: 1440, height: 900 },
  ],
  url: ({ collectionConfig, data, locale }) => {
    const collection = collectionConfig?.slug
    // A document that has never been saved has no page to show yet.
    if (!isPreviewCollection(collection) || !data?.id) return null
    const query = new URLSearchParams({
      collection,
      id: String(data.id),
      locale: locale?.code ?? defaultLocale,
      secret: previewSecret(),
    })
    // Relative unless a public origin is configured; the admin resolves it against its own.
    return `${serverUrl()}${previewRoute}?${query}`
  },
}
