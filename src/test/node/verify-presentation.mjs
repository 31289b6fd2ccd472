#!/usr/bin/env node
// Reads {"presentation": <VP with embedded proof>, "challenge": "...",
// "domain": "...", "unsignedPresentation": false, "documents": {"<url or
// did:web DID>": <JSON>, ...}, "knownDIDRegistries": [optional]} on stdin,
// runs @digitalcredentials/verifier-core's verifyPresentation() with all
// network lookups answered from "documents" (see harness.mjs), and prints ONE
// JSON object on stdout:
//   {verified, presentation, credentials, errors, authentication,
//    requests, diagnostics, result}
// verifier-core takes no domain: "domain" is used only by the diagnostic
// "authentication" check (see harness.mjs verifyPresentation).
// Flags: --stacks  keep stack traces in errors.
// Exit code: 0 whenever a verdict was printed (whatever it says), 2 when the
// input could not be read.

import fs from 'node:fs';
import {verifyPresentation} from './harness.mjs';

let input;
try {
  input = JSON.parse(fs.readFileSync(0, 'utf8'));
  if(!input || typeof input.presentation !== 'object' ||
    input.presentation === null) {
    throw new Error('expected {"presentation": {...}, "documents": {...}}');
  }
} catch(e) {
  process.stdout.write(JSON.stringify({
    verified: false,
    errors: [{name: 'harness_input_error', message: e.message}]
  }) + '\n');
  process.exit(2);
}

const out = await verifyPresentation({
  presentation: input.presentation,
  challenge: input.challenge ?? undefined,
  domain: input.domain ?? undefined,
  unsignedPresentation: input.unsignedPresentation === true,
  documents: input.documents ?? {},
  knownDIDRegistries: input.knownDIDRegistries ?? [],
  stacks: process.argv.includes('--stacks')
});
process.stdout.write(JSON.stringify(out) + '\n');
