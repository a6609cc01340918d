import type { PayloadRequest } from 'payload'

/**
 * Local API calls that share a request (to stay in its transaction) overwrite its locale and
 * fallback locale. Hooks that read other locales wrap their calls in this, so the write that
 * triggered them still saves to the locale it was made in.
 */
export async function keepRequestLocale<T>(req: PayloadRequest, work: () => Promise<T>): Promise<T> {
  const { locale, fallbackLocale } = req
  try {
    return await work()
  } finally {
    req.locale = locale
    req.fallbackLocale = fallbackLocale
  }
}
