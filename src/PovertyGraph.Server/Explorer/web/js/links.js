// Where a chart's buttons lead. Each kind of link is built in one function here, so that it can be switched to the
// server's own addresses later (downloads at /data/..., receipt URLs) without touching the charts.

import { toCsv } from './csv.js';
import { stateQuery } from './state.js';

const blobUrls = new Map();

/**
 * The CSV download of a chart: for now generated in the page from exactly the figures the chart shows.
 * Returns { href, filename }.
 */
export function csvDownload(card, state) {
  const previous = blobUrls.get(card.id);
  if (previous) URL.revokeObjectURL(previous);
  const href = URL.createObjectURL(new Blob([toCsv(card.table)], { type: 'text/csv;charset=utf-8' }));
  blobUrls.set(card.id, href);
  const place = state.scope.name ? `-${state.scope.name}` : '';
  return { href, filename: `povertygraph-${card.id}${place}.csv` };
}

/** The link to cite a chart: for now a permanent link to this view of the explorer, with its place and language. */
export function citableLink(card, state) {
  return `${location.origin}${location.pathname}${stateQuery(state)}#${card.id}`;
}

/** The chart's query opened in GraphiQL (its page takes ?query=...). */
export function graphiqlLink(query) {
  return `/graphql?query=${encodeURIComponent(query)}`;
}
