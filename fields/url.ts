import type { TextField } from 'payload'

/** Accepts absolute http(s) URLs only, with a message an editor can act on. */
export function validateUrl(value: unknown): true | string {
  if (value === null || value === undefined || value === '') return true
  if (typeof value !== 'string') return 'Enter a web address.'
  try {
    const url = new URL(value)
    if (url.protocol === 'https:' || url.protocol === 'http:') return true
  } catch {
    // fall through to the message below
  }
  return 'Enter a full web address starting with https://, e.g. https://example.org/donate.'
}

export function urlField(overrides: Omit<TextField, 'type' | 'validate'> & { name: string }): TextField {
  return { ...overrides, type: 'text', validate: validateUrl } as TextField
}
