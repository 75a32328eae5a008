// Where a chart's buttons lead. Each kind of link is built in one function here.

import { download, json } from './api.js';
import { toCsv } from './csv.js';
import { scopeFilter, stateQuery } from './state.js';

const blobUrls = new Map();

/**
 * The CSV download of a chart. A chart that is one grouping declares it (definition.download(scope): { collection,
 * entity, groupBy, extra }) and its CSV is the server's grouped table, /data/{collection}/grouped.csv?groupBy=…&where=…,
 * the same figures with the server's columns, status and metadata; any other chart's CSV is made in the page from the
 * figures it shows. Returns { href, filename, server }.
 */
export function csvDownload(card, state) {
  const place = state.scope.name ? `-${state.scope.name}` : '';
  const filename = `povertygraph-${card.id}${place}.csv`;
  const spec = card.definition.download && card.definition.download(state.scope);
  if (spec) {
    const params = new URLSearchParams({ groupBy: spec.groupBy.join(',') });
    const where = scopeFilter(state.scope, spec.entity, spec.extra || {});
    if (Object.keys(where).length) params.set('where', json(where));
    return { href: `/data/${spec.collection}/grouped.csv?${params}`, filename, server: true };
  }
  const previous = blobUrls.get(card.id);
  if (previous) URL.revokeObjectURL(previous);
  const href = URL.createObjectURL(new Blob([toCsv(card.table)], { type: 'text/csv;charset=utf-8' }));
  blobUrls.set(card.id, href);
  return { href, filename, server: false };
}

/**
 * Saves a server download under its name, fetched with the user's token (a plain link would be fetched without it,
 * and give PUBLIC figures to a caller who pasted an official's token).
 */
export async function saveDownload(href, filename) {
  const url = URL.createObjectURL(await download(href));
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = filename;
  document.body.appendChild(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}

/**
 * The link to cite a chart: the receipt URL of the answer it drew (GET /graphql?query=…), which reproduces the same
 * figures while the data version is the same; the view's own link until the answer has come.
 */
export function citableLink(card, state) {
  if (card.receipt && card.receipt.url) return card.receipt.url;
  return `${location.origin}${location.pathname}${stateQuery(state)}#${card.id}`;
}

/** The chart's query opened in GraphiQL (its page takes ?query=...). */
export function graphiqlLink(query) {
  return `/graphql?query=${encodeURIComponent(query)}`;
}
