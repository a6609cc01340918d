import { defaultLocale, type Locale, locales } from '@/lib/locales'

const codes: string[] = locales.map((l) => l.code)

/**
 * The visitor's preferred language among Voices' own, from an Accept-Language header, by
 * q-value (`ru;q=0` means "not Russian"); English when none of ours is acceptable.
 */
export function preferredLocale(header: string | null | undefined): Locale {
  const ranked = (header ?? '')
    .split(',')
    .map((part, order) => {
      const [tag = '', ...params] = part.trim().split(';')
      const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='))
      const q = qParam === undefined ? 1 : Number(qParam.slice(2))
      return { code: tag.trim().toLowerCase().split('-')[0] ?? '', q: Number.isFinite(q) ? q : 0, order }
    })
    .filter(({ code, q }) => code && q > 0)
    // Highest q first; equal q keeps the header's order.
    .sort((a, b) => b.q - a.q || a.order - b.order)
  return (ranked.find(({ code }) => codes.includes(code))?.code as Locale | undefined) ?? defaultLocale
}
