// What the page shows, kept in its URL so that every view has a permanent link:
//   /explore?county=蛟河市&lang=en#households-cause
// The place is given by name (readable, and the names the documents print are unique at their level).

import { literal } from './api.js';

export const LEVELS = ['province', 'prefecture', 'county'];

/** { scope: { level, name }, lang } from the address bar; the province when no place is given. */
export function readState(location) {
  const params = new URLSearchParams(location.search);
  let scope = { level: 'province', name: null };
  for (const level of ['county', 'prefecture']) {
    if (params.get(level)) {
      scope = { level, name: params.get(level) };
      break;
    }
  }
  return { scope, lang: params.get('lang') };
}

/** The query string of a state: ?county=蛟河市&lang=en. */
export function stateQuery(state) {
  const params = new URLSearchParams();
  if (state.scope.level !== 'province' && state.scope.name) params.set(state.scope.level, state.scope.name);
  if (state.lang) params.set('lang', state.lang);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Puts the state in the address bar without reloading. */
export function writeState(state) {
  history.replaceState(null, '', `${location.pathname}${stateQuery(state)}${location.hash}`);
}

/**
 * The filter that restricts an entity to the scope, merged with the chart's own conditions, as a GraphQL literal.
 * entity: 'village', 'household', 'project' (they carry their county and prefecture), 'allocation' (through its
 * project) or 'target' (plan targets name their region).
 */
export function scopeWhere(scope, entity, extra = {}) {
  return literal(scopeFilter(scope, entity, extra));
}

/** The same filter as a value (the server's downloads take it as JSON). */
export function scopeFilter(scope, entity, extra = {}) {
  const filter = { ...extra };
  if (entity === 'target') {
    filter.region = { eq: scope.name };
  } else if (scope.level !== 'province') {
    const place = { [scope.level]: { name: { eq: scope.name } } };
    if (entity === 'allocation') filter.project = { ...(filter.project || {}), ...place };
    else Object.assign(filter, place);
  }
  return filter;
}

/** "where: {...}" for an argument list, or nothing when the filter is empty. */
export function whereArgument(scope, entity, extra) {
  const where = scopeWhere(scope, entity, extra);
  return where === '{  }' ? '' : `where: ${where}`;
}
