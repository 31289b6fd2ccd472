#!/usr/bin/env node
// Reads one JSON-LD document on stdin, expands it with jsonld.js in safe
// mode using a document loader that serves ONLY the bundled contexts (see
// contexts.mjs), and prints {"ok": true} or {"ok": false, "error": "..."}.
//
// Flags: --print-expanded  also print the expanded form under "expanded".
// Exit code: 0 when ok, 1 when not ok (the JSON verdict is printed either way).

import fs from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import jsonld from 'jsonld';
import {strictContextLoader} from './contexts.mjs';

export async function expandSafe(doc) {
  try {
    const expanded = await jsonld.expand(doc, {
      safe: true,
      documentLoader: strictContextLoader
    });
    return {ok: true, expanded};
  } catch(e) {
    return {ok: false, error: describeError(e)};
  }
}

function describeError(e) {
  // jsonld.js wraps loader failures: surface the innermost useful message
  let msg = `${e.name ?? 'Error'}: ${e.message}`;
  const details = e.details ?? {};
  if(details.event) {
    // safe mode violation: {code, message, details}
    const ev = details.event;
    msg += ` [${ev.code}] ${ev.message}` +
      (ev.details ? ` ${JSON.stringify(ev.details)}` : '');
  }
  let cause = details.cause ?? e.cause;
  while(cause) {
    msg += ` <- ${cause.name ?? 'Error'}: ${cause.message}`;
    cause = cause.details?.cause ?? cause.cause;
  }
  return msg;
}

async function main() {
  const printExpanded = process.argv.includes('--print-expanded');
  let doc;
  try {
    doc = JSON.parse(fs.readFileSync(0, 'utf8'));
  } catch(e) {
    process.stdout.write(JSON.stringify(
      {ok: false, error: `stdin is not JSON: ${e.message}`}) + '\n');
    process.exitCode = 1;
    return;
  }
  const {ok, error, expanded} = await expandSafe(doc);
  const out = ok ? {ok} : {ok, error};
  if(ok && printExpanded) {
    out.expanded = expanded;
  }
  process.stdout.write(JSON.stringify(out) + '\n');
  process.exitCode = ok ? 0 : 1;
}

if(process.argv[1] &&
  fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  await main();
}
