/**
 * The donation hand-off: the processor's address as a template, e.g.
 * `https://pay.example.org/give?sum={amount}&cur={currency}&every={frequency}&c={campaign}&ref={story}`.
 * Voices fills it with the visitor's choice and redirects there; the card details are typed on
 * the processor's own page, so Voices never sees them.
 */
export const placeholders = ['amount', 'currency', 'frequency', 'campaign', 'story'] as const

export type Placeholder = (typeof placeholders)[number]

export type HandOffValues = Record<Placeholder, string>

const placeholderPattern = /\{([^{}]*)\}/g

const localHosts = new Set(['localhost', '127.0.0.1', '[::1]'])

/** Two different fillings: a placeholder that changes where the visitor is sent would show up as different origins. */
const probes: HandOffValues[] = [
  { amount: '10', currency: 'USD', frequency: 'one-off', campaign: '', story: '' },
  { amount: '25000.5', currency: 'KZT', frequency: 'monthly', campaign: 'a-b', story: 'x-y' },
]

function substitute(template: string, values: HandOffValues): string {
  return template.replace(placeholderPattern, (_, name: string) => encodeURIComponent(values[name as Placeholder]))
}

/** Why a filled-in address may not receive donors, or null when it may. */
function addressProblem(address: string): string | null {
  let url: URL
  try {
    url = new URL(address)
  } catch {
    return 'This is not a valid web address once the placeholders are filled in. Start with https:// and check for spaces or stray characters.'
  }
  if (url.protocol === 'http:' && !localHosts.has(url.hostname)) {
    return 'Donors must be sent to a secure page: use https:// (plain http:// is allowed only for localhost, when testing).'
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return 'Use a web address starting with https://.'
  }
  if (url.username || url.password) return 'The address must not contain a user name or password.'
  return null
}

/**
 * Checks a template as an editor saves it: only the five known placeholders, an https address
 * (http only for localhost) that stays valid whatever the values, and placeholders only in the
 * path, query or fragment, never in the processor's host. Empty is allowed: no hand-off.
 */
export function validateTemplate(value: unknown): true | string {
  if (value === null || value === undefined || value === '') return true
  if (typeof value !== 'string') return 'Enter the processor’s address as text.'
  if (value.trim() !== value || /\s/.test(value)) return 'The address must not contain spaces.'
  const unknown = [...value.matchAll(placeholderPattern)]
    .map((match) => match[1]!)
    .filter((name) => !(placeholders as readonly string[]).includes(name))
  if (unknown.length > 0) {
    return `Unknown placeholder {${unknown[0]}}. Use only ${placeholders.map((p) => `{${p}}`).join(', ')}.`
  }
  if (/[{}]/.test(value.replace(placeholderPattern, ''))) return 'A placeholder is missing its { or }.'
  const origins = new Set<string>()
  for (const probe of probes) {
    const problem = addressProblem(substitute(value, probe))
    if (problem) return problem
    origins.add(new URL(substitute(value, probe)).origin)
  }
  if (origins.size > 1) {
    return 'Placeholders may appear in the path or query only, never in the processor’s address (https://…/).'
  }
  return true
}

/**
 * The processor's address for this gift: every placeholder replaced by its value, URL-encoded.
 * Returns an error instead when the template (or the result) is not a safe web address.
 */
export function fillTemplate(template: string, values: HandOffValues): { url: string } | { error: string } {
  const valid = validateTemplate(template)
  if (valid !== true) return { error: valid }
  if (!template) return { error: 'No donation processor is configured.' }
  const address = substitute(template, values)
  const problem = addressProblem(address)
  if (problem) return { error: problem }
  return { url: new URL(address).toString() }
}
