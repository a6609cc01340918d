import type { GenerateDescription, GenerateTitle } from '@payloadcms/plugin-seo/types'

type SeoDoc = { title?: string | null; name?: string | null; excerpt?: string | null; summary?: string | null }

/** Defaults for the SEO plugin's "generate" buttons: the story or program's own words. */
export const generateSeoTitle: GenerateTitle<SeoDoc> = ({ doc }) => doc?.title ?? doc?.name ?? ''

export const generateSeoDescription: GenerateDescription<SeoDoc> = ({ doc }) =>
  (doc?.excerpt ?? doc?.summary ?? '').slice(0, 160)
