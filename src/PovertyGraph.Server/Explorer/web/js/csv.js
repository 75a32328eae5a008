// A chart's figures as CSV (RFC 4180), one row per table row, with machine-readable headers: key columns, then a
// count column and sum_<field> columns, then a status column that says "suppressed" where a protected cell was
// withheld (its values left empty, never 0). A UTF-8 byte-order mark lets spreadsheet programs read the Chinese names.

function field(value) {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** table: { columns: [{ id, csv(row) → value[], csvHeaders[] }], rows: [{ values, suppressed }] } */
export function toCsv(table) {
  const headers = table.columns.flatMap((column) => column.csvHeaders);
  const hasStatus = table.rows.some((row) => row.suppressed);
  const lines = [[...headers, ...(hasStatus ? ['status'] : [])].map(field).join(',')];
  for (const row of table.rows) {
    const cells = table.columns.flatMap((column) => column.csv(row));
    if (hasStatus) cells.push(row.suppressed ? 'suppressed' : '');
    lines.push(cells.map(field).join(','));
  }
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}
