/**
 * A fixed-window rate limit per key, held in this process's memory. Keys are the daily client
 * hashes from `clientKey.ts`, never addresses, and they vanish with their window. Each server
 * instance counts on its own; several instances behind a load balancer each allow `limit`.
 */
export type RateLimitResult = { ok: true } | { ok: false; retryAfterSeconds: number }

export type RateLimiter = {
  take(key: string, now?: number): RateLimitResult
  /** Hands back one use taken in the current window, e.g. by an attempt that turned out fine. */
  refund(key: string, now?: number): void
  /** Forgets one key's window. */
  forget(key: string): void
  /** For tests: forget every window. */
  reset(): void
}

export function createRateLimiter({ limit, windowMs }: { limit: number; windowMs: number }): RateLimiter {
  if (!Number.isInteger(limit) || limit < 1) throw new Error(`Rate limit must be a positive whole number, got ${limit}`)
  if (!(windowMs > 0)) throw new Error(`Rate limit window must be positive, got ${windowMs}`)
  const windows = new Map<string, { start: number; count: number }>()
  let lastSweep = 0

  function sweep(now: number) {
    // Expired windows are dropped at most once per window, so memory stays bounded by the
    // number of clients seen in one window.
    if (now - lastSweep < windowMs) return
    lastSweep = now
    for (const [key, window] of windows) if (now - window.start >= windowMs) windows.delete(key)
  }

  return {
    take(key, now = Date.now()) {
      sweep(now)
      const window = windows.get(key)
      if (!window || now - window.start >= windowMs) {
        windows.set(key, { start: now, count: 1 })
        return { ok: true }
      }
      if (window.count >= limit) {
        return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((window.start + windowMs - now) / 1000)) }
      }
      window.count += 1
      return { ok: true }
    },
    refund(key, now = Date.now()) {
      const window = windows.get(key)
      if (window && now - window.start < windowMs && window.count > 0) window.count -= 1
    },
    forget(key) {
      windows.delete(key)
    },
    reset() {
      windows.clear()
    },
  }
}
