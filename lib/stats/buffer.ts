import type { Locale } from '@/lib/locales'

/** One row of story statistics and how much to add to it. */
export type StatsDelta = { story: string; locale: Locale; day: string; views: number; clicks: number }

export type StatsBuffer = {
  add(delta: StatsDelta): void
  /** Writes everything added so far; what fails to write is kept for the next flush. */
  flush(): Promise<void>
  /** Rows waiting to be written (for tests and logs). */
  pending(): number
}

/**
 * Counts are gathered in memory and written every few seconds, one atomic increment per story,
 * language and day, so a page view never waits for a database write and a popular story costs
 * one write per interval, not one per reader. The trade-off: if the server stops or crashes,
 * the counts of the last interval are lost. For totals that guide editors, not invoices, that
 * is the right side to err on. Several servers each keep their own buffer and add to the same
 * rows, and the increments are atomic, so nothing is lost between them.
 */
export function createStatsBuffer({
  write,
  intervalMs,
  onError,
}: {
  write: (delta: StatsDelta) => Promise<void>
  intervalMs: number
  /** `kept`: whether the counts wait for the next flush, or were dropped with their story. */
  onError?: (error: unknown, kept: boolean) => void
}): StatsBuffer {
  let rows = new Map<string, StatsDelta>()
  let timer: ReturnType<typeof setInterval> | null = null
  let flushing: Promise<void> | null = null

  function merge(delta: StatsDelta) {
    const key = `${delta.story}\n${delta.locale}\n${delta.day}`
    const row = rows.get(key)
    if (row) {
      row.views += delta.views
      row.clicks += delta.clicks
    } else rows.set(key, { ...delta })
  }

  async function writeAll() {
    const taken = rows
    rows = new Map()
    for (const delta of taken.values()) {
      try {
        await write(delta)
      } catch (error) {
        // A story deleted since it was counted has nowhere to keep its counts (its rows are
        // deleted with it); anything else is kept and tried again with what arrives meanwhile.
        const kept = !storyIsGone(error)
        if (kept) merge(delta)
        onError?.(error, kept)
      }
    }
  }

  const buffer: StatsBuffer = {
    add(delta) {
      merge(delta)
      if (!timer && intervalMs > 0) {
        timer = setInterval(() => void buffer.flush(), intervalMs)
        // The timer never keeps a process alive on its own (a test run, a stopping server).
        timer.unref?.()
      }
    },
    async flush() {
      // One flush at a time: two would take the same rows' deltas in turns, which is harmless,
      // but waiting keeps the writes in order and lets a caller know everything is written.
      while (flushing) await flushing
      if (rows.size === 0) return
      flushing = writeAll().finally(() => {
        flushing = null
      })
      await flushing
    },
    pending: () => rows.size,
  }
  return buffer
}

/** Whether a write failed because its story no longer exists (SQLite's foreign key on `story`). */
export function storyIsGone(error: unknown): boolean {
  for (let cause = error, depth = 0; cause && depth < 5; depth += 1) {
    if (/FOREIGN KEY constraint failed/i.test(String((cause as Error).message ?? ''))) return true
    cause = (cause as { cause?: unknown }).cause
  }
  return false
}
