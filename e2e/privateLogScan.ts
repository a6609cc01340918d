import { privateData } from '../privacy/privateData'
import { leaders, participants } from '../seed/content/people'

/**
 * Finding private values in logs, for the check at the end of an e2e run (./privateLogCheck.ts).
 * A hit is told by the value's kind and the line's number, never by the value: the report of a
 * leak must not leak it again.
 */
export type PrivateValue = { kind: string; value: string; source: string }
export type Hit = { line: number; kind: string; source: string }

/** Every string a value holds, however deeply. */
function textsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value]
  if (Array.isArray(value)) return value.flatMap(textsIn)
  if (value && typeof value === 'object') return Object.values(value).flatMap(textsIn)
  return []
}

/**
 * The private values the seed writes: each field privacy/privateData.ts declares private, of
 * every participant and leader in seed/content/people.ts. A text field's value whole; of a
 * record (the consent), every free text in it. The record's keywords, dates and ids (`written`,
 * `quotes`, `2021-02-01T00:00:00.000Z`) hold no space and say nothing of her, and would be found
 * in any log.
 */
export function seededPrivateValues(): PrivateValue[] {
  const seeded: Record<string, ReadonlyArray<Record<string, unknown>>> = { participants, leaders }
  const values: PrivateValue[] = []
  for (const [collection, declaration] of Object.entries(privateData)) {
    if (!('fields' in declaration)) continue
    for (const person of seeded[collection] ?? []) {
      for (const field of declaration.fields) {
        const value = person[field]
        const texts = typeof value === 'string' ? [value] : textsIn(value).filter((text) => /\s/.test(text.trim()))
        for (const text of texts) values.push({ kind: `${collection}.${field}`, value: text, source: 'seed' })
      }
    }
  }
  return values
}

const comparable = (text: string) => text.normalize('NFC').toLowerCase()

/** `%D0%90` and `+` as a URL carries them; a malformed sequence is left as it is. */
function percentDecoded(line: string): string {
  return line.replace(/\+/g, ' ').replace(/(%[0-9a-f]{2})+/gi, (run) => {
    try {
      return decodeURIComponent(run)
    } catch {
      return run
    }
  })
}

/**
 * The line as written and as read: a JSON line's strings unescaped (a quote, a line break), and
 * an address percent-decoded. Compared without case, so "KASSYMKHANOVA" is found too.
 */
function readings(line: string): string {
  const forms = [line]
  if (line.includes('\\') && line.trimStart().startsWith('{')) {
    try {
      forms.push(...textsIn(JSON.parse(line)))
    } catch {
      // Not a whole JSON object: read as written.
    }
  }
  if (/%[0-9a-f]{2}|\+/i.test(line)) forms.push(percentDecoded(line))
  return comparable(forms.join('\n'))
}

/** Each line of `log` that holds any of `values`, with the kinds it holds. */
export function findPrivateValues(log: string, values: PrivateValue[]): Hit[] {
  const wanted = values
    .filter(({ value }) => value.trim())
    .map((entry) => ({ ...entry, needle: comparable(entry.value) }))
  const hits: Hit[] = []
  log.split('\n').forEach((line, index) => {
    if (!line) return
    const read = readings(line)
    for (const { kind, source, needle } of wanted) {
      if (read.includes(needle)) hits.push({ line: index + 1, kind, source })
    }
  })
  return hits
}
