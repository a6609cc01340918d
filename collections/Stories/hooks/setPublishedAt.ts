import type { FieldHook } from 'payload'

/** A story published without a date is dated the moment it goes live. */
export const setPublishedAt: FieldHook = ({ value, data }) => {
  if (!value && data?._status === 'published') return new Date().toISOString()
  return value
}
