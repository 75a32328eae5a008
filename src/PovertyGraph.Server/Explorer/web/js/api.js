// The one way the explorer reads data: POST /graphql, exactly as any front end would.

const ENDPOINT = '/graphql';
const ACCEPT = 'application/graphql-response+json, application/json';
const TOKEN_KEY = 'povertygraph.explorer.token';

/** The bearer token the user pasted, kept in this tab's session storage only (never in a link). */
export function token() {
  return sessionStorage.getItem(TOKEN_KEY) || '';
}

export function setToken(value) {
  const trimmed = (value || '').trim().replace(/^Bearer\s+/i, '');
  if (trimmed) sessionStorage.setItem(TOKEN_KEY, trimmed);
  else sessionStorage.removeItem(TOKEN_KEY);
}

/** Runs a query; resolves to its data, or rejects with the server's error messages. */
export async function graphql(query) {
  return (await graphqlWithReceipt(query)).data;
}

/** Runs a query; resolves to { data, receipt }: the answer's receipt carries the URL that reproduces it (for citing). */
export async function graphqlWithReceipt(query) {
  const headers = { 'Content-Type': 'application/json', Accept: ACCEPT };
  if (token()) headers.Authorization = 'Bearer ' + token();
  const response = await fetch(ENDPOINT, {
    method: 'POST',
    headers,
    body: JSON.stringify({ query }),
    credentials: 'same-origin',
  });
  const text = await response.text();
  let body;
  try {
    body = JSON.parse(text);
  } catch (e) {
    throw new Error(`HTTP ${response.status}: ${text.slice(0, 200) || response.statusText}`);
  }
  if (body.errors && body.errors.length) throw new Error(body.errors.map((error) => error.message).join('; '));
  if (!response.ok || !body.data) throw new Error(`HTTP ${response.status}`);
  return { data: body.data, receipt: body.extensions && body.extensions.receipt };
}

/** A file from the server, with the token the user pasted: resolves to a Blob, or rejects with the server's error. */
export async function download(url) {
  const headers = token() ? { Authorization: 'Bearer ' + token() } : {};
  const response = await fetch(url, { headers, credentials: 'same-origin' });
  if (!response.ok) {
    const text = await response.text();
    let message = `HTTP ${response.status}`;
    try {
      message = JSON.parse(text).errors.map((error) => error.message).join('; ');
    } catch (e) {
      // not a JSON error body: keep the status
    }
    throw new Error(message);
  }
  return response.blob();
}

/** An input value as JSON, as the server's downloads take `where` (enum values as their names). */
export function json(value) {
  return JSON.stringify(value, (key, inner) => (inner && typeof inner === 'object' && inner.enumValue ? inner.enumValue : inner));
}

/** An enum value inside literal(): written bare, not quoted. */
export function enumValue(name) {
  return { enumValue: name };
}

/**
 * A GraphQL input value written out, so that each chart's query is self-contained (no variables): what the
 * page shows, copies and opens in GraphiQL is exactly what it sent.
 */
export function literal(value) {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map(literal).join(', ')}]`;
  if (value.enumValue) return value.enumValue;
  return `{ ${Object.entries(value).map(([key, inner]) => `${key}: ${literal(inner)}`).join(', ')} }`;
}

/** "(a, b)" from the arguments given, or nothing when there are none. */
export function argumentList(...parts) {
  const given = parts.filter(Boolean);
  return given.length ? `(${given.join(', ')})` : '';
}
