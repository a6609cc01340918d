/**
 * CSV as spreadsheets read it (RFC 4180): every cell quoted, quotes doubled, CRLF between rows,
 * and a byte-order mark so that Excel reads Cyrillic and Kazakh letters as UTF-8.
 *
 * A cell a visitor wrote that starts with =, +, -, @ (or a tab or carriage return, which some
 * spreadsheets skip before looking) would run as a formula when the file is opened: such a cell
 * gets a leading apostrophe, so it reads as text.
 */
export type CsvCell = string | number | boolean | null | undefined

export function csvCell(value: CsvCell): string {
  let text = value === null || value === undefined ? '' : String(value)
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`
  return `"${text.replace(/"/g, '""')}"`
}

export function toCsv(header: string[], rows: CsvCell[][]): string {
  return '\uFEFF' + [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n'
}
