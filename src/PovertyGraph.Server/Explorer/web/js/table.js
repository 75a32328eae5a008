// The figures a chart shows, as a table: the card renders it under the chart, the CSV is made from it, and the
// chart's series are drawn from it. Rows keep raw values (enum codes, place objects, yuan); labels are made in the
// current language when shown.

import { enumLabel, getLanguage, pick, t } from './i18n.js';
import { formatCount, formatYuan } from './format.js';
import { hasPinyin, pinyinOf, placeLabel } from './places.js';

function column(id, label, kind, get, display, csvHeaders, csv) {
  return { id, label, kind, value: get, display, csvHeaders: csvHeaders || [id], csv: csv || ((row) => [get(row)]) };
}

/** A year key: 2017. */
export function yearColumn(id, label, get) {
  return column(id, label, 'key', get, (row) => (get(row) === null || get(row) === undefined ? '—' : String(get(row))));
}

/** An enum key, labelled in the current language, written as its code in the CSV. */
export function enumColumn(id, label, type, get) {
  return column(id, label, 'key', get, (row) => enumLabel(type, get(row)));
}

/** A place key: the Chinese name (and pinyin in English); the CSV has the name and, where the API has it, the pinyin. */
export function placeColumn(id, label, type, get) {
  const headers = hasPinyin(type) ? [id, `${id}_namePinyin`] : [id];
  return column(id, label, 'key', (row) => (get(row) || {}).name, (row) => placeLabel(get(row)), headers,
    (row) => (hasPinyin(type) ? [(get(row) || {}).name, pinyinOf(get(row))] : [(get(row) || {}).name]));
}

/** Free text from the data (names, as printed). */
export function textColumn(id, label, get) {
  return column(id, label, 'text', get, (row) => (get(row) === null || get(row) === undefined ? '—' : String(get(row))));
}

/** A count; null (suppressed) is shown as such. */
export function countColumn(id, label, get) {
  return column(id, label, 'count', get, (row) => (row.suppressed ? t('suppressed') : formatCount(get(row))));
}

/** An amount in yuan, shown exactly. */
export function moneyColumn(id, label, get) {
  return column(id, label, 'money', get, (row) => (row.suppressed ? t('suppressed') : formatYuan(get(row))));
}

/** The label of a column: a text key, or inline { zh, en }. */
export function columnLabel(columnDef) {
  const label = typeof columnDef.label === 'string' ? t(columnDef.label) : pick(columnDef.label);
  if (columnDef.kind === 'money') return `${label} (${t('unit.yuan')})`;
  return label;
}

/** Renders the table; numeric cells carry their raw value in data-value, withheld ones data-status="suppressed". */
export function renderTable(table) {
  const element = document.createElement('table');
  const head = element.createTHead().insertRow();
  for (const columnDef of table.columns) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.dataset.column = columnDef.id;
    th.textContent = columnLabel(columnDef);
    if (columnDef.kind === 'count' || columnDef.kind === 'money') th.className = 'number';
    head.appendChild(th);
  }
  const body = element.createTBody();
  for (const row of table.rows) {
    const tr = body.insertRow();
    tr.dataset.key = row.key;
    if (row.suppressed) tr.dataset.status = 'suppressed';
    for (const columnDef of table.columns) {
      const td = tr.insertCell();
      td.dataset.column = columnDef.id;
      td.textContent = columnDef.display(row);
      const numeric = columnDef.kind === 'count' || columnDef.kind === 'money';
      if (numeric) {
        td.className = 'number';
        if (row.suppressed) td.dataset.status = 'suppressed';
        else if (columnDef.value(row) !== null && columnDef.value(row) !== undefined) td.dataset.value = String(columnDef.value(row));
      } else if (columnDef.value(row) !== null && columnDef.value(row) !== undefined) {
        td.dataset.value = String(columnDef.value(row));
      }
    }
  }
  element.lang = getLanguage() === 'zh' ? 'zh-CN' : 'en';
  return element;
}
