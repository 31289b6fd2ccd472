// Shared logic for verify.mjs and selftest.mjs: runs
// @digitalcredentials/verifier-core's verifyCredential() with every network
// request answered from an in-memory "documents" map.
//
// How the network is cut off: verifier-core does not let callers inject a
// documentLoader or DID resolver (it builds its own
// securityLoader({fetchRemoteContexts: true}) at module load), and every HTTP
// request it makes goes through the global `fetch`:
//   - did:web resolution and remote JSON-LD contexts / status list
//     credentials: @digitalcredentials/http-client -> ky -> globalThis.fetch
//     (ky binds globalThis.fetch per request);
//   - issuer registries (issuer-registry-client) and OB JSON schemas
//     (verifier-core's schemaCheck via ajv loadSchema): bare `fetch(url)`.
// So this module replaces globalThis.fetch, BEFORE verifier-core is imported,
// with a function that serves the documents map (plus the bundled contexts
// and the published JSON schemas) and answers everything else with a 404
// (never the network). Every request
// is recorded in `requests`.
//
// verifier-core, ajv's schema loader and issuer-registry-client also
// console.log() diagnostics; those are captured (see below) so that stdout
// stays one JSON object.

import fs from 'node:fs';
import path from 'node:path';
import {createRequire} from 'node:module';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {bundledContexts} from './contexts.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));

// Published JSON schemas (1EdTech OB / CLR) under
// ../resources/published/schemas/, served at their "$id" so that
// verifier-core's schema_check works offline. The documents map wins.
function loadPublishedSchemas() {
  const dir = path.resolve(HERE, '../resources/published/schemas');
  const m = new Map();
  if(!fs.existsSync(dir)) {
    return m;
  }
  for(const f of fs.readdirSync(dir).filter(f => f.endsWith('.json')).sort()) {
    try {
      const doc = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'));
      if(typeof doc.$id === 'string' && /^https?:/.test(doc.$id)) {
        m.set(new URL(doc.$id).href, {
          document: doc,
          source: `file:../resources/published/schemas/${f}`
        });
      }
    } catch(e) {
      // not JSON: ignore
    }
  }
  return m;
}
export const publishedSchemas = loadPublishedSchemas();

const state = {
  documents: new Map(),
  requests: [],
  diagnostics: []
};

// console output of verifier-core & co: kept (first line of each message)
// in `diagnostics`; echoed to stderr only with HARNESS_DEBUG=1.
const stderrWrite = (...args) => process.stderr.write(
  args.map(a => (a instanceof Error ? a.stack : typeof a === 'string' ?
    a : JSON.stringify(a))).join(' ') + '\n');
for(const m of ['log', 'info', 'debug', 'warn', 'error']) {
  console[m] = (...args) => {
    const text = args.map(a => a instanceof Error ? `${a.name}: ${a.message}` :
      typeof a === 'string' ? a : String(a)).join(' ');
    state.diagnostics.push(`console.${m}: ${text.split('\n')[0]}`);
    if(process.env.HARNESS_DEBUG === '1') {
      stderrWrite(...args);
    }
  };
}

/**
 * did:web DID (or DID URL) -> HTTPS URL of its DID document, exactly as
 * @digitalcredentials/did-method-web 1.1.0 computes it:
 * did:web:localhost%3A8080:issuers:org-1 ->
 *   https://localhost:8080/issuers/org-1/did.json
 * did:web:example.com -> https://example.com/.well-known/did.json
 */
export function didWebToUrl(did) {
  const bare = did.split(/[?#]/)[0];
  const [scheme, method, domain, ...paths] = bare.split(':');
  if(scheme !== 'did' || method !== 'web' || !domain) {
    throw new Error(`not a did:web DID: ${did}`);
  }
  const origin = `https://${decodeURIComponent(domain)}`;
  return paths.length === 0 ?
    `${origin}/.well-known/did.json` :
    `${origin}/${paths.map(decodeURIComponent).join('/')}/did.json`;
}

function normalizeKey(key) {
  if(key.startsWith('did:web:')) {
    return didWebToUrl(key);
  }
  if(/^https?:/i.test(key)) {
    return new URL(key).href;
  }
  return key;
}

/**
 * Sets the documents that the fake network serves.
 * Keys: http(s) URLs, or did:web DIDs (served at their did.json URL).
 * Values: a JSON value (served as application/json), a string (served
 * verbatim as text/plain), or {"$response": {status, contentType, body}} to
 * control the HTTP response exactly (body: string or JSON value).
 */
export function setDocuments(documents = {}) {
  state.documents = new Map();
  for(const [key, value] of Object.entries(documents)) {
    state.documents.set(normalizeKey(key), value);
  }
  state.requests = [];
  state.diagnostics = [];
}

export function takeRequests() {
  const r = state.requests;
  state.requests = [];
  return r;
}

export function takeDiagnostics() {
  const d = state.diagnostics;
  state.diagnostics = [];
  return d;
}

function lookup(url) {
  const noFragment = url.split('#')[0];
  for(const u of [url, noFragment]) {
    if(state.documents.has(u)) {
      return {value: state.documents.get(u), from: 'documents'};
    }
    for(const m of [bundledContexts, publishedSchemas]) {
      if(m.has(u)) {
        return {value: m.get(u).document, from: m.get(u).source};
      }
    }
  }
  return null;
}

async function guardedFetch(input, init) {
  const req = input instanceof Request ? input : new Request(input, init);
  const url = req.url;
  const record = {
    method: req.method,
    url,
    accept: req.headers.get('accept'),
    served: false
  };
  if(req.headers.has('cache-control')) {
    record.cacheControl = req.headers.get('cache-control');
  }
  state.requests.push(record);
  const hit = /^https?:/.test(url) ? lookup(url) : null;
  if(!hit) {
    record.status = 404;
    return new Response(
      `harness: "${url}" is not in the documents map; network refused`,
      {status: 404, headers: {'content-type': 'text/plain'}});
  }
  let {value} = hit;
  let status = 200;
  let contentType;
  let body;
  if(value && typeof value === 'object' && value.$response) {
    ({status = 200, contentType = 'application/json'} = value.$response);
    value = value.$response.body;
    body = typeof value === 'string' ? value : JSON.stringify(value);
  } else if(typeof value === 'string') {
    contentType = 'text/plain';
    body = value;
  } else {
    contentType = 'application/json';
    body = JSON.stringify(value);
  }
  record.served = true;
  record.from = hit.from;
  record.status = status;
  record.contentType = contentType;
  return new Response(body, {status, headers: {'content-type': contentType}});
}

guardedFetch.harness = true;
globalThis.fetch = guardedFetch;

// imported only now, after the guard is in place
const verifierCore = await import('@digitalcredentials/verifier-core');

// verifier-core reduces any signature failure to "The signature is not
// valid." (and many status list failures to "The status list couldn't be
// verified.") and drops the reason. To explain it, `explainer` repeats the
// signature check / the status check with the very libraries verifier-core
// uses (its own dependencies, same versions, same suites, same document
// loader configuration) and returns their error messages. This is a
// diagnostic only; the verdict is verifier-core's.
//
// Each library is resolved from verifier-core's own folder, not from here: npm
// hoists the Learner Credential Wallet's older @digitalcredentials/vc and
// ed25519-signature-2020 (used by lcw-exchange.mjs) to the top of
// node_modules and nests verifier-core's copies under it.
const fromVerifierCore = createRequire(
  createRequire(import.meta.url).resolve('@digitalcredentials/verifier-core'));
const importAsVerifierCore = name =>
  import(pathToFileURL(fromVerifierCore.resolve(name)).href);
let explainer = null;
try {
  const [dcVc, {securityLoader}, {DataIntegrityProof}, eddsa,
    {Ed25519Signature2020}, bsl, jsigsModule] = await Promise.all([
    '@digitalcredentials/vc',
    '@digitalcredentials/security-document-loader',
    '@digitalcredentials/data-integrity',
    '@digitalcredentials/eddsa-rdfc-2022-cryptosuite',
    '@digitalcredentials/ed25519-signature-2020',
    '@digitalcredentials/vc-bitstring-status-list',
    '@digitalcredentials/jsonld-signatures'
  ].map(importAsVerifierCore));
  const jsigs = jsigsModule.default ?? jsigsModule;
  const documentLoader = securityLoader({fetchRemoteContexts: true}).build();
  const suite = [new Ed25519Signature2020(),
    new DataIntegrityProof({cryptosuite: eddsa.cryptosuite})];
  explainer = {
    async signature(credential) {
      const r = await dcVc.verifyCredential({
        credential, suite, documentLoader,
        checkStatus: async () => ({verified: true}),
        verifyMatchingIssuers: false
      });
      return collectMessages(r.error ?? r.results?.find(x => x.error)?.error);
    },
    async status(credential) {
      const r = await bsl.checkStatus({
        credential, suite, documentLoader,
        verifyBitstringStatusListCredential: true,
        verifyMatchingIssuers: false
      });
      return collectMessages(r.error);
    },
    // The presentation's own proof only (not the credentials inside), with
    // the given jsonld-signatures proof purpose ('assertionMethod' or
    // 'authentication' with challenge/domain).
    async presentationProof(presentation, {term, challenge, domain}) {
      const purpose = term === 'authentication' ?
        new jsigs.purposes.AuthenticationProofPurpose({challenge, domain}) :
        new jsigs.purposes.AssertionProofPurpose();
      const r = await jsigs.verify(presentation, {suite, purpose, documentLoader});
      return {verified: r.verified === true, errors: collectMessages(r.error)};
    }
  };
} catch(e) {
  explainer = null;
}

function collectMessages(err, out = [], seen = new Set()) {
  if(!err || typeof err !== 'object' || seen.has(err)) {
    return out;
  }
  seen.add(err);
  if(err.message && !(err.name === 'VerificationError' && err.errors)) {
    out.push(`${err.name ?? 'Error'}: ${err.message}`);
  }
  for(const e of err.errors ?? []) {
    collectMessages(e, out, seen);
  }
  collectMessages(err.cause, out, seen);
  return [...new Set(out)];
}

/** Turns Errors (and cycles) into plain JSON. */
export function toPlain(value, {stacks = false} = {}) {
  const seen = new WeakSet();
  const walk = v => {
    if(v === null || typeof v !== 'object') {
      return typeof v === 'function' || typeof v === 'symbol' ?
        undefined : v;
    }
    if(seen.has(v)) {
      return '[circular]';
    }
    seen.add(v);
    if(v instanceof Error) {
      const out = {name: v.name, message: v.message};
      for(const k of Object.keys(v)) {
        if(k === 'stack' && !stacks) {
          continue;
        }
        out[k] = walk(v[k]);
      }
      if(v.cause !== undefined) {
        out.cause = walk(v.cause);
      }
      if(stacks) {
        out.stack = v.stack;
      }
      return out;
    }
    if(Array.isArray(v)) {
      return v.map(walk);
    }
    const out = {};
    for(const [k, x] of Object.entries(v)) {
      if((k === 'stackTrace' || k === 'stack') && !stacks) {
        continue;
      }
      const w = walk(x);
      if(w !== undefined) {
        out[k] = w;
      }
    }
    return out;
  };
  return walk(value);
}

/**
 * Summary of a verifier-core result. verifier-core itself draws no overall
 * conclusion; here "verified" means: no fatal `errors`, and every log step
 * except `registered_issuer` (valid_signature, expiration,
 * revocation_status, suspension_status, ...) has `valid: true`.
 */
export function summarize(result) {
  const log = result.log ?? [];
  const fatal = result.errors ?? [];
  const checks = {};
  for(const e of log) {
    checks[e.id] = 'valid' in e ? e.valid : null;
  }
  const stepErrors = log.filter(e => e.error).map(e => ({step: e.id, ...e.error}));
  const verified = fatal.length === 0 &&
    checks.valid_signature === true &&
    log.filter(e => e.id !== 'registered_issuer').every(e => e.valid === true);
  return {
    verified,
    checks,
    errors: [...fatal, ...stepErrors].map(e => ({name: e.name, message: e.message, ...(e.step ? {step: e.step} : {})})),
    log
  };
}

/**
 * Verifies one credential with verifier-core against the given documents.
 * Returns {verified, checks, errors, log, additionalInformation, requests,
 * diagnostics, result} and, when verifier-core reported a fatal error or a
 * status-step error, `explanation`: the underlying error messages that
 * verifier-core drops (see explainer above).
 */
export async function verify({
  credential, documents = {}, knownDIDRegistries = [], stacks = false
} = {}) {
  setDocuments(documents);
  const raw = await verifierCore.verifyCredential({
    credential: structuredClone(credential),
    knownDIDRegistries
  });
  const result = toPlain(raw, {stacks});
  const summary = summarize(result);
  const requests = takeRequests();
  const out = {
    ...summary,
    additionalInformation: result.additionalInformation ?? [],
    requests,
    diagnostics: takeDiagnostics(),
    result
  };
  // add the reasons verifier-core dropped: for a fatal (signature-stage)
  // error, and for a status step that ended in an error
  const kind = (result.errors ?? []).length > 0 ? 'signature' :
    (summary.log.some(e => e.error) ? 'status' : null);
  if(explainer && kind) {
    try {
      out.explanation = await explainer[kind](structuredClone(credential));
      if(out.explanation.length === 0) {
        out.explanation = [`(the ${kind} check passes when repeated with ` +
          'the same libraries; the error comes from verifier-core itself)'];
      }
    } catch(e) {
      out.explanation = [`(explain failed: ${e.message})`];
    }
    takeRequests();
    takeDiagnostics();
  }
  return out;
}

/**
 * Verifies one presentation with verifier-core's verifyPresentation()
 * against the given documents. verifier-core 1.0.0-beta.11 takes
 * {presentation, challenge = 'meaningless', unsignedPresentation = false,
 * knownDIDRegistries}: no domain, no documentLoader. It checks the
 * presentation's proof with jsonld-signatures' AssertionProofPurpose (proof
 * purpose 'assertionMethod'; the challenge is NOT compared, because
 * @digitalcredentials/vc only uses `challenge` to build the default
 * AuthenticationProofPurpose when no purpose is given) and each credential in
 * `verifiableCredential` as verifyCredential() does.
 *
 * Returns {verified, presentation: {signature, errors}, credentials: [{id,
 * verified, checks, errors, explanation?}], errors, authentication?,
 * requests, diagnostics, result}:
 *  - verified: the harness's summary: no fatal errors, presentation
 *    signature 'valid' (or 'unsigned' when unsignedPresentation was asked
 *    for) without errors, and every credential verified (as summarize()).
 *  - presentation.errors: the messages inside verifier-core's
 *    presentation_error (it returns the jsonld-signatures error object).
 *  - authentication: diagnostic, NOT verifier-core's verdict: the
 *    presentation's own proof checked with the very libraries verifier-core
 *    uses, with the purpose the W3C data model and @digitalcredentials/vc's
 *    own default use for presentations: AuthenticationProofPurpose with the
 *    given challenge and domain (challenge and domain compared exactly). It is
 *    also what verifier-core's unreleased main branch does when a challenge is
 *    supplied. Without a challenge it is skipped.
 */
export async function verifyPresentation({
  presentation, challenge, domain, unsignedPresentation = false,
  documents = {}, knownDIDRegistries = [], stacks = false
} = {}) {
  setDocuments(documents);
  const args = {
    presentation: structuredClone(presentation),
    unsignedPresentation,
    knownDIDRegistries
  };
  if(challenge !== undefined && challenge !== null) {
    args.challenge = challenge;
  }
  const raw = await verifierCore.verifyPresentation(args);
  const result = toPlain(raw, {stacks});
  const requests = takeRequests();
  const diagnostics = takeDiagnostics();

  const fatal = (result.errors ?? []).map(e => ({
    name: e.name, message: e.message,
    ...(e.stackTrace ? {causes: collectMessages(e.stackTrace)} : {})
  }));
  const pr = result.presentationResult ?? null;
  const presentationOut = pr ? {
    signature: pr.signature,
    errors: (pr.errors ?? []).map(e => ({
      name: e.name,
      messages: typeof e.message === 'string' ?
        [e.message] : collectMessages(e.message)
    }))
  } : null;
  const credentials = (result.credentialResults ?? []).map(r => {
    const s = summarize(r);
    return {
      id: r.credential?.id ?? null,
      verified: s.verified,
      checks: s.checks,
      errors: s.errors
    };
  });
  const signatureOk = pr && (pr.signature === 'valid' ||
    (unsignedPresentation && pr.signature === 'unsigned'));
  const verified = fatal.length === 0 && Boolean(signatureOk) &&
    presentationOut.errors.length === 0 && credentials.length > 0 &&
    credentials.every(c => c.verified);

  const out = {
    verified,
    presentation: presentationOut,
    credentials,
    errors: fatal,
    requests,
    diagnostics,
    result
  };
  if(explainer) {
    // the reasons verifier-core drops for a credential's fatal error
    const inside = [].concat(presentation.verifiableCredential ?? []);
    for(const [i, c] of credentials.entries()) {
      if((result.credentialResults[i].errors ?? []).length > 0 && inside[i]) {
        try {
          c.explanation = await explainer.signature(structuredClone(inside[i]));
        } catch(e) {
          c.explanation = [`(explain failed: ${e.message})`];
        }
      }
    }
    if(typeof challenge === 'string' && presentation.proof) {
      try {
        out.authentication = {
          purpose: 'authentication',
          challenge,
          ...(domain !== undefined && domain !== null ? {domain} : {}),
          ...await explainer.presentationProof(structuredClone(presentation), {
            term: 'authentication', challenge,
            domain: domain ?? undefined
          })
        };
      } catch(e) {
        out.authentication = {verified: false, errors: [`(check failed: ${e.message})`]};
      }
    }
    takeRequests();
    takeDiagnostics();
  }
  return out;
}
