import { addDays, calendarDay, timeZoneOrDefault } from '@/lib/timeZone'

/** The last `days` calendar days up to and including today, in the organisation's time zone. */
export type ReachWindow = { since: string; until: string; days: number; timeZone: string }

export const reachDays = 30

export function reachWindow(now: Date, timeZone: unknown, days = reachDays): ReachWindow {
  const zone = timeZoneOrDefault(timeZone)
  const until = calendarDay(now, zone)
  return { since: addDays(until, -(days - 1)), until, days, timeZone: zone }
}

/** Whether a calendar day ("2026-11-30") lies in the window. */
export function inWindow(day: string, window: ReachWindow): boolean {
  return day >= window.since && day <= window.until
}
