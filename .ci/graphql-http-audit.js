#!/usr/bin/env node
// Runs the graphql-http server audits (GraphQL over HTTP spec conformance) against a running server.
//
//   node .ci/graphql-http-audit.js http://127.0.0.1:5099/graphql
//
// graphql-http is pinned in .ci/package.json (install with `npm ci --prefix .ci`); GRAPHQL_HTTP_MODULE may point at
// another installation. Prints one summary line and every audit that is not ok; exits 1 if any MUST (error) or
// SHOULD (warn) audit fails, 2 if the audits could not run.
'use strict';

const path = require('path');

async function main() {
  const url = process.argv[2];
  if (!url || !/^https?:\/\//.test(url)) {
    console.error('usage: node graphql-http-audit.js <url of the GraphQL endpoint, e.g. http://127.0.0.1:5099/graphql>');
    process.exit(2);
  }

  let serverAudits;
  try {
    ({ serverAudits } = require(process.env.GRAPHQL_HTTP_MODULE || path.join(__dirname, 'node_modules', 'graphql-http')));
  } catch (err) {
    console.error(`graphql-http is not installed: run \`npm ci --prefix ${path.relative(process.cwd(), __dirname) || '.'}\` (${err.message})`);
    process.exit(2);
  }

  const counts = { ok: 0, warn: 0, error: 0, notice: 0 };
  const failed = [];
  for (const audit of serverAudits({ url })) {
    let result;
    try {
      result = await audit.fn();
    } catch (err) {
      // An audit throws only on fatal problems (server unreachable and the like).
      console.error(`graphql-http audit could not run ${audit.id} (${audit.name}): ${err && err.message}`);
      process.exit(2);
    }
    counts[result.status] += 1;
    if (result.status !== 'ok') {
      let detail = '';
      if (result.response) {
        try {
          const body = await result.response.text();
          detail = ` [${result.response.status} ${result.response.headers.get('content-type') || '-'}] ${body.slice(0, 200)}`;
        } catch {
          detail = ` [${result.response.status}]`;
        }
      }
      failed.push({ status: result.status, line: `${result.status.toUpperCase()} ${result.id} ${result.name}: ${result.reason}${detail}` });
    }
  }

  console.log(`graphql-http audit: ${counts.ok} passed, ${counts.warn} warnings (SHOULD), ${counts.error} errors (MUST)` +
    (counts.notice ? `, ${counts.notice} notices (MAY)` : ''));
  for (const f of failed) console.log(`  ${f.line}`);
  process.exit(counts.warn || counts.error ? 1 : 0);
}

main().catch((err) => {
  console.error(`graphql-http audit failed: ${err && err.stack ? err.stack : err}`);
  process.exit(2);
});
