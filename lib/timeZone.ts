import { memoize } from '@/lib/memoize'

/**
 * The time zone dates are shown in, on the public site and in the admin: the organisation's own,
 * chosen in site settings. Until someone changes it, Almaty's.
 */
export const defaultTimeZone = 'Asia/Almaty'

/** The canonical IANA name ("Asia/Almaty") of a zone this runtime knows, or null. */
export function canonicalTimeZone(value: unknown): string | null {
  // Names only: Intl also takes offsets such as "+05:00", which follow no daylight-saving rules.
  if (typeof value !== 'string' || !/^[A-Za-z]/.test(value.trim())) return null
  return canonicalName(value.trim())
}

const canonicalName = memoize((name): string | null => {
  try {
    return new Intl.DateTimeFormat('en', { timeZone: name }).resolvedOptions().timeZone
  } catch {
    return null
  }
})

/** The zone to format dates in: the one given when it is valid, otherwise the default. */
export function timeZoneOrDefault(value: unknown): string {
  return canonicalTimeZone(value) ?? defaultTimeZone
}

/** The calendar day ("2026-11-30") an instant falls on in this zone. */
export function calendarDay(at: Date, timeZone: string): string {
  const parts = dayFormat(timeZoneOrDefault(timeZone)).formatToParts(at)
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? ''
  return `${part('year')}-${part('month')}-${part('day')}`
}

const dayFormat = memoize(
  (timeZone) => new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }),
)

/** A calendar day moved by whole days ("2026-03-01" minus 1 is "2026-02-28"); no zone involved. */
export function addDays(day: string, days: number): string {
  const [year, month, date] = day.split('-').map(Number)
  return new Date(Date.UTC(year!, month! - 1, date! + days)).toISOString().slice(0, 10)
}
