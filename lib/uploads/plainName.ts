/** A file name as Payload stores it: one path segment, nothing that climbs out of its folder. */
export function isPlainName(name: string): boolean {
  return name.length > 0 && name !== '.' && name !== '..' && !/[/\\\0]/.test(name)
}
