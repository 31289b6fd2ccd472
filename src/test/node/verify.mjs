#!/usr/bin/env node
// Reads {"credential": <VC with embedded proof>, "documents": {"<url or
// did:web DID>": <JSON>, ...}, "knownDIDRegistries": [optional]} on stdin,
// runs @digitalcredentials/verifier-core's verifyCredential() with all network
// lookups answered from "documents" (see harness.mjs), and prints ONE JSON
// object on stdout:
//   {verified, checks, errors, log, additionalInformation, requests,
//    diagnostics, result}
// Flags: --stacks  keep stack traces in errors.
// Exit code: 0 whenever a verdict was printed (whatever it says), 2 when the
// input could not be read.

import fs from 'node:fs';
import {verify} from './harness.mjs';

let input;
try {
  input = JSON.parse(fs.readFileSync(0, 'utf8'));
  if(!input || typeof input.credential !== 'object') {
    throw new Error('expected {"credential": {...}, "documents": {...}}');
  }
} catch(e) {
  process.stdout.write(JSON.stringify({
    verified: false,
    errors: [{name: 'harness_input_error', message: e.message}]
  }) + '\n');
  process.exit(2);
}

const out = await verify({
  credential: input.credential,
  documents: input.documents ?? {},
  knownDIDRegistries: input.knownDIDRegistries ?? [],
  stacks: process.argv.includes('--stacks')
});
process.stdout.write(JSON.stringify(out) + '\n');
