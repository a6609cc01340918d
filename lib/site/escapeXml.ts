const entities: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' }

/**
 * Text made safe for XML content and attributes. Characters XML 1.0 cannot carry at all (most
 * control characters, lone surrogates, U+FFFE/U+FFFF) are dropped: one pasted into a title would
 * otherwise make the whole feed unreadable to every feed reader.
 */
export function escapeXml(value: string): string {
  return value
    .replace(
      /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
      '',
    )
    .replace(/[<>&'"]/g, (c) => entities[c]!)
}
