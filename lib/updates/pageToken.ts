/** The `?token=` of a link from a subscriber mail, as one bounded string. */
export function pageToken(value: string | string[] | undefined): string {
  const token = Array.isArray(value) ? value[0] : value
  return (token ?? '').slice(0, 200)
}
