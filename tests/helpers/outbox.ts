import fs from 'node:fs'
import path from 'node:path'

/**
 * Reads the `.eml` files the outbox transport writes (lib/mail/outboxTransport.ts), for the
 * integration and end-to-end tests: headers unfolded and decoded, and the text and HTML parts of
 * a multipart message decoded from quoted-printable or base64. Enough MIME for Voices' own mail.
 */
export type OutboxMail = {
  file: string
  headers: Record<string, string>
  to: string
  subject: string
  text: string
  html: string
}

function decodeWords(value: string): string {
  return value.replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=\s*(?==\?)?/g, (_, _charset, kind: string, data: string) =>
    kind.toUpperCase() === 'B'
      ? Buffer.from(data, 'base64').toString('utf8')
      : decodeQuotedPrintable(data.replace(/_/g, ' ')),
  )
}

function decodeQuotedPrintable(value: string): string {
  const bytes = value
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-Fa-f]{2})/g, (_, hex: string) => `%${hex}`)
    .replace(/%(?![0-9A-Fa-f]{2})/g, '%25')
  return decodeURIComponent(bytes.replace(/[^\x00-\x7f]/g, (c) => encodeURIComponent(c)))
}

type Part = { headers: Record<string, string>; body: string }

function splitPart(raw: string): Part {
  const index = raw.search(/\r?\n\r?\n/)
  const head = index < 0 ? raw : raw.slice(0, index)
  const body = index < 0 ? '' : raw.slice(index).replace(/^\r?\n\r?\n/, '')
  const headers: Record<string, string> = {}
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':')
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = decodeWords(line.slice(colon + 1).trim())
  }
  return { headers, body }
}

function decodeBody({ headers, body }: Part): string {
  const encoding = (headers['content-transfer-encoding'] ?? '').toLowerCase()
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
  if (encoding === 'quoted-printable') return decodeQuotedPrintable(body)
  return body
}

function leaves(part: Part): Part[] {
  const type = part.headers['content-type'] ?? 'text/plain'
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1]
  if (!type.toLowerCase().startsWith('multipart/') || !boundary) return [part]
  return part.body
    .split(`--${boundary}`)
    .slice(1)
    .filter((chunk) => !chunk.startsWith('--'))
    .flatMap((chunk) => leaves(splitPart(chunk.replace(/^\r?\n/, ''))))
}

export function parseEml(file: string, raw: string): OutboxMail {
  const message = splitPart(raw)
  const parts = leaves(message)
  const ofType = (type: string) => parts.find((p) => (p.headers['content-type'] ?? 'text/plain').startsWith(type))
  const text = ofType('text/plain')
  const html = ofType('text/html')
  return {
    file,
    headers: message.headers,
    to: message.headers.to ?? '',
    subject: message.headers.subject ?? '',
    text: text ? decodeBody(text) : '',
    html: html ? decodeBody(html) : '',
  }
}

/** Every message in the outbox folder, oldest first; none when the folder does not exist yet. */
export function readOutbox(dir: string): OutboxMail[] {
  if (!fs.existsSync(dir)) return []
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.eml'))
    .sort()
    .map((name) => parseEml(name, fs.readFileSync(path.join(dir, name), 'utf8')))
}

/** The addresses in a To header: `a@x.org, "Name" <b@y.org>` gives both, in lower case. */
export function recipients(mail: OutboxMail): string[] {
  return [...mail.to.matchAll(/[^\s<>",]+@[^\s<>",]+/g)].map((match) => match[0].toLowerCase())
}

/** Messages addressed to exactly this address, among others or alone. */
export function mailTo(dir: string, address: string): OutboxMail[] {
  return readOutbox(dir).filter((mail) => recipients(mail).includes(address.toLowerCase()))
}

/** The first link in a message's text that starts with this prefix. */
export function linkIn(mail: OutboxMail, prefix: string): string | null {
  const escaped = prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  return new RegExp(`${escaped}[^\\s<>"]*`).exec(mail.text)?.[0] ?? null
}
