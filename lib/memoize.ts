/**
 * `make`, remembering what it returned for each key, up to `max` keys (then it makes afresh).
 * For values that are costly to build and never change, such as Intl formatters: building one
 * loads locale and time-zone data, and a page that prints thirty dates built thirty.
 */
export function memoize<V>(make: (key: string) => V, max = 256): (key: string) => V {
  const made = new Map<string, V>()
  return (key) => {
    if (made.has(key)) return made.get(key) as V
    const value = make(key)
    if (made.size < max) made.set(key, value)
    return value
  }
}
