/**
 * The time zone dates are shown in, on the public site and in the admin: the organisation's own,
 * chosen in site settings. Until someone changes it, Almaty's.
 */
export const defaultTimeZone = 'Asia/Almaty'

/** The canonical IANA name ("Asia/Almaty") of a zone this runtime knows, or null. */
export function canonicalTimeZone(value: unknown): string | null {
  // Names only: Intl also takes offsets such as "+05:00", which follow no daylight-saving rules.
  if (typeof value !== 'string' || !/^[A-Za-z]/.test(value.trim())) return null
  try {
    return new Intl.DateTimeFormat('en', { timeZone: value.trim() }).resolvedOptions().timeZone
  } catch {
    return null
  }
}

/** The zone to format dates in: the one given when it is valid, otherwise the default. */
export function timeZoneOrDefault(value: unknown): string {
  return canonicalTimeZone(value) ?? defaultTimeZone
}
