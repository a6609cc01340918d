import { locales } from '@/lib/locales'

const codes: string[] = locales.map((l) => l.code)

/**
 * The values each locale parameter may take: a language Voices publishes in, `all` for reading
 * every language at once, and for the fallback Payload's words for "none". Payload itself reads an
 * unknown `locale` as the default language, so `?locale=../../etc/passwd` would be answered in
 * English as though nothing were wrong; Voices refuses it instead.
 */
const allowed: Record<string, string[]> = {
  locale: [...codes, 'all'],
  'fallback-locale': [...codes, 'none', 'null', 'false'],
  fallbackLocale: [...codes, 'none', 'null', 'false'],
}

export type LocaleProblem = { param: string; allowed: string }

const problem = (param: string): LocaleProblem => ({ param, allowed: allowed[param]!.join(', ') })

/** The first locale parameter of a query string that Voices does not know, or null. */
export function unknownLocaleParam(params: URLSearchParams): LocaleProblem | null {
  for (const [key, value] of params) {
    const name = key.split('[', 1)[0]!
    if (!Object.hasOwn(allowed, name)) continue
    // `locale[$ne]=en` and the like: a locale is one plain value.
    if (key !== name || !allowed[name]!.includes(value)) return problem(name)
  }
  return null
}

/** The same for a JSON body that names its locale (GraphQL, and REST reads sent as POST). */
export function unknownLocaleField(body: Record<string, unknown>): LocaleProblem | null {
  for (const name of Object.keys(allowed)) {
    if (
      Object.hasOwn(body, name) &&
      !(typeof body[name] === 'string' && allowed[name]!.includes(body[name] as string))
    ) {
      return problem(name)
    }
  }
  return null
}
