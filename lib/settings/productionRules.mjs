/**
 * What production needs beyond well-formed settings (schema.mjs): a secret that cannot be guessed
 * and the site's public address. A development machine generates the secret (lib/env.ts) and
 * runs on whatever address it is reached at.
 */

/** Words that mark a value copied from an example rather than made for this server. */
const placeholder =
  /change[-_ ]?me|replace|example|placeholder|not[-_ ]?for[-_ ]?production|your[-_ ]?secret|^(secret|password|test)$/i

/**
 * Why a secret cannot sign production sessions, or null when it can: it must be set, at least 32
 * characters, not a value from an example, and not a run of a few repeated characters.
 * @param {string | undefined} secret
 * @returns {string | null}
 */
export function weakSecret(secret) {
  if (!secret) return 'is not set'
  if (secret.length < 32) return `is too short (${secret.length} characters; at least 32)`
  if (placeholder.test(secret)) return 'is an example value'
  if (new Set(secret).size < 10) return 'repeats too few characters'
  return null
}

/** Hosts kept for examples (RFC 2606): a site there is a copied setting, not a deployment. */
const exampleHost = /(^|\.)example(\.(com|net|org))?$|\.(example|invalid|test)$/i

/** The host of an address, or '' when it is none (the schema names that problem). */
function hostOf(url) {
  try {
    return new URL(url).hostname
  } catch {
    return ''
  }
}

/**
 * The problems production has besides the form of each setting, each naming the setting to fix.
 * @param {{ PAYLOAD_SECRET?: string, NEXT_PUBLIC_SERVER_URL?: string }} settings
 * @returns {string[]}
 */
export function productionProblems(settings) {
  const problems = []
  const secret = weakSecret(settings.PAYLOAD_SECRET)
  if (secret)
    problems.push(`PAYLOAD_SECRET ${secret}. Production needs a long random one, e.g. \`openssl rand -hex 32\`.`)
  const url = settings.NEXT_PUBLIC_SERVER_URL
  if (!url)
    problems.push(
      'NEXT_PUBLIC_SERVER_URL is not set. Production needs the address visitors reach the site at, ' +
        'e.g. https://voices.your-organisation.org: links, feeds, the sitemap and e-mails are built from it.',
    )
  else if (exampleHost.test(hostOf(url)))
    problems.push(`NEXT_PUBLIC_SERVER_URL is an example address (${url}); set the site's own.`)
  return problems
}
