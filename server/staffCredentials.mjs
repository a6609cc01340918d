/**
 * Whether a request carries proof that a member of staff (or Voices' own jobs) sent it, checked
 * without the database so that the admission queue (server/admission.mjs) can afford it for every
 * request: a Payload session token whose signature and expiry hold, or the jobs' revalidation
 * token. Anything else, a forged or expired cookie included, is the public.
 *
 * Payload signs its session tokens with HS256 under a key derived from PAYLOAD_SECRET (the first
 * 32 hex characters of its SHA-256); the jobs' token is an HMAC of the same secret
 * (lib/site/revalidationToken.ts). A token of a session ended by logout still passes here until
 * it expires: it buys a place in the staff queue, never access, which Payload checks as ever.
 */
import crypto from 'node:crypto'

const sessionCookie = /(?:^|;\s*)payload-token=([^;]+)/

const base64url = (buffer) => buffer.toString('base64url')

function sameText(a, b) {
  const left = Buffer.from(a)
  const right = Buffer.from(b)
  return left.length === right.length && crypto.timingSafeEqual(left, right)
}

function parseJson(text) {
  try {
    return JSON.parse(Buffer.from(text, 'base64url').toString('utf8'))
  } catch {
    return null
  }
}

/** A checker for this secret: `(req) => boolean`. */
export function staffCredentials(payloadSecret) {
  const jwtKey = crypto.createHash('sha256').update(payloadSecret).digest('hex').slice(0, 32)
  const jobsToken = crypto.createHmac('sha256', payloadSecret).update('voices:revalidate-public-site').digest('hex')

  const validSession = (token) => {
    const parts = token.split('.')
    if (parts.length !== 3) return false
    const [header, payload, signature] = parts
    if (parseJson(header)?.alg !== 'HS256') return false
    const expected = base64url(crypto.createHmac('sha256', jwtKey).update(`${header}.${payload}`).digest())
    if (!sameText(signature, expected)) return false
    const exp = parseJson(payload)?.exp
    return typeof exp === 'number' && exp * 1000 > Date.now()
  }

  const check = (req) => {
    const authorization = req.headers.authorization ?? ''
    const [scheme, token] = authorization.split(/\s+/, 2)
    if (token && /^bearer$/i.test(scheme) && sameText(token, jobsToken)) return true
    if (token && /^(jwt|bearer)$/i.test(scheme) && validSession(token)) return true
    const cookie = sessionCookie.exec(req.headers.cookie ?? '')?.[1]
    return Boolean(cookie && validSession(decodeURIComponent(cookie)))
  }
  // Whatever a request carries (a cookie of NUL and invalid bytes, say), it is only ever judged,
  // never a reason for the server to stop answering it.
  return (req) => {
    try {
      return check(req)
    } catch {
      return false
    }
  }
}
