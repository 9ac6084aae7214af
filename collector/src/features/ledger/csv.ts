/*
 * CSV for Excel: a UTF-8 BOM so Excel reads Chinese, CRLF line ends, RFC 4180 quoting. School
 * and device text is untrusted, so a cell that a spreadsheet would run as a formula is
 * prefixed with a single quote (OWASP "CSV injection").
 */
const FORMULA_START = /^[=+\-@\t\r]|^\s+[=+\-@]/;

export function guardFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export function csvField(text: string): string {
  const safe = guardFormula(text);
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function toCsv(rows: readonly (readonly string[])[]): string {
  return `\uFEFF${rows.map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;
}
