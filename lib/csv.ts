/**
 * CSV for spreadsheets. A cell that begins with `=`, `+`, `-`, `@`, a tab or a carriage return
 * is a formula to Excel, LibreOffice and Google Sheets, so a story titled "=HYPERLINK(…)" could
 * run when staff open the export; such cells get a leading apostrophe, which the spreadsheet
 * shows as text. Cells with a comma, quote or line break are quoted, quotes doubled (RFC 4180).
 * Numbers are written as numbers.
 */
export type CsvCell = string | number | null | undefined

const formulaStart = /^[=+\-@\t\r]/

export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : ''
  const text = formulaStart.test(value) ? `'${value}` : value
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/**
 * The whole file: CRLF line ends, and a byte-order mark so that Excel reads the UTF-8 (Russian
 * and Kazakh titles) as UTF-8.
 */
export function toCsv(rows: CsvCell[][]): string {
  return `\uFEFF${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`
}
