#!/usr/bin/env node
// Self-test of the harness, independent of the Java side.
//
// Makes an Ed25519 key in memory, issues Open Badges 3.0 credentials signed
// with eddsa-rdfc-2022 (Digital Bazaar libraries), a did:web issuer DID
// document (Multikey under assertionMethod) and BitstringStatusList
// credentials (also eddsa-rdfc-2022), serves them through the documents map
// and prints what @digitalcredentials/verifier-core says for each case.
//
// Flags: --full  print the full verifier-core result of every case.
// Exit code: 0 when every case matched its expectation, 1 otherwise.

import crypto from 'node:crypto';
import path from 'node:path';
import zlib from 'node:zlib';
import {spawnSync} from 'node:child_process';
import {fileURLToPath} from 'node:url';

import * as vc from '@digitalbazaar/vc';
import {DataIntegrityProof} from '@digitalbazaar/data-integrity';
import {cryptosuite as eddsaRdfc2022} from
  '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';

import {verify, verifyPresentation, didWebToUrl} from './harness.mjs';
import {
  bundledContexts, strictContextLoader, URLS, describeContexts
} from './contexts.mjs';
import {expandSafe} from './expand.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const FULL = process.argv.includes('--full');
// harness.mjs captures console.*; the self-test writes to stdout directly
const say = (...a) => process.stdout.write(a.join(' ') + '\n');

const ORIGIN = 'https://localhost:8080';
const DID = 'did:web:localhost%3A8080:issuers:org-1';
const REVOCATION_LIST = `${ORIGIN}/status/org-1/revocation/1`;
const SUSPENSION_LIST = `${ORIGIN}/status/org-1/suspension/1`;
const REGISTRY_URL = `${ORIGIN}/test-registry/registry.json`;
const LIST_LENGTH = 131072; // bits; the spec minimum (16 KiB uncompressed)
const INDEX = 42; // byte 5, mask 0x20 when index 0 is the MSB of byte 0
const MIRROR_INDEX = 45; // same byte, the bit an LSB-first reader would use

const now = () => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
const minutesAgo = m => new Date(Date.now() - m * 60000)
  .toISOString().replace(/\.\d{3}Z$/, 'Z');

// --- bitstring: index 0 = most significant bit of byte 0; gzip; base64url
// without padding; multibase prefix 'u'
function encodeList(setIndices = [], length = LIST_LENGTH) {
  const bytes = new Uint8Array(length / 8);
  for(const i of setIndices) {
    bytes[i >> 3] |= 0x80 >> (i & 7);
  }
  return 'u' + zlib.gzipSync(bytes).toString('base64url');
}

// --- keys and DID documents
async function makeKey(did, fragment = 'key-1') {
  return Ed25519Multikey.generate({id: `${did}#${fragment}`, controller: did});
}

function didDocument(did, keys) {
  return {
    '@context': [URLS.DID_V1, URLS.MULTIKEY_V1],
    id: did,
    verificationMethod: keys.map(k => ({
      id: k.id,
      type: 'Multikey',
      controller: did,
      publicKeyMultibase: k.publicKeyMultibase
    })),
    assertionMethod: keys.map(k => k.id)
  };
}

async function sign(credential, key) {
  const suite = new DataIntegrityProof({
    signer: key.signer(), cryptosuite: eddsaRdfc2022
  });
  return vc.issue({
    credential: structuredClone(credential),
    suite,
    documentLoader: strictContextLoader
  });
}

function statusListCredential({url, purpose, setIndices = [], issuer = DID}) {
  return {
    '@context': [URLS.VC_V2],
    id: url,
    type: ['VerifiableCredential', 'BitstringStatusListCredential'],
    issuer,
    validFrom: minutesAgo(10),
    credentialSubject: {
      id: `${url}#list`,
      type: 'BitstringStatusList',
      statusPurpose: purpose,
      encodedList: encodeList(setIndices)
    }
  };
}

function statusEntry(listUrl, purpose, index = INDEX) {
  return {
    id: `${listUrl}#${index}`,
    type: 'BitstringStatusListEntry',
    statusPurpose: purpose,
    statusListIndex: String(index),
    statusListCredential: listUrl
  };
}

function openBadge({issuer = DID, credentialStatus, extra = {}} = {}) {
  return {
    '@context': [URLS.VC_V2, URLS.OB_3_0_3],
    id: `urn:uuid:${crypto.randomUUID()}`,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: {id: issuer, type: ['Profile'], name: 'Org One'},
    validFrom: minutesAgo(5),
    name: 'Teamwork Badge',
    credentialSubject: {
      id: 'did:example:learner-1',
      type: ['AchievementSubject'],
      achievement: {
        id: `${ORIGIN}/achievements/teamwork`,
        type: ['Achievement'],
        name: 'Teamwork',
        description: 'Collaborates effectively within a group.',
        criteria: {narrative: 'Nominated by peers and reviewed.'}
      }
    },
    ...(credentialStatus ? {credentialStatus} : {}),
    ...extra
  };
}

// a compact JWS (VC-JWT style) of the status list, to see what verifier-core
// does with a non-JSON-LD status list
function vcJwt(payload) {
  const {privateKey} = crypto.generateKeyPairSync('ed25519');
  const b64 = o => Buffer.from(JSON.stringify(o)).toString('base64url');
  const input = `${b64({alg: 'EdDSA', typ: 'vc+jwt'})}.${b64(payload)}`;
  const sig = crypto.sign(null, Buffer.from(input), privateKey);
  return `${input}.${sig.toString('base64url')}`;
}

// --- build the world
const key = await makeKey(DID);
const otherKeySameId = await makeKey(DID); // same id "#key-1", other secret
const key2 = await makeKey(DID, 'key-2'); // "#key-2", not in the DID doc
const didKeySigner = await Ed25519Multikey.generate();
didKeySigner.controller = `did:key:${didKeySigner.publicKeyMultibase}`;
didKeySigner.id = `${didKeySigner.controller}#${didKeySigner.publicKeyMultibase}`;

const didDoc = didDocument(DID, [key]);

const revocationListOk = await sign(statusListCredential(
  {url: REVOCATION_LIST, purpose: 'revocation'}), key);
const revocationListRevoked = await sign(statusListCredential(
  {url: REVOCATION_LIST, purpose: 'revocation', setIndices: [INDEX]}), key);
const revocationListMirror = await sign(statusListCredential(
  {url: REVOCATION_LIST, purpose: 'revocation', setIndices: [MIRROR_INDEX]}),
key);
const suspensionListSuspended = await sign(statusListCredential(
  {url: SUSPENSION_LIST, purpose: 'suspension', setIndices: [INDEX]}), key);
const revocationListTampered = structuredClone(revocationListOk);
revocationListTampered.credentialSubject.encodedList =
  encodeList([INDEX + 1]);

const registry = {
  registry: {
    [DID]: {name: 'Org One', url: ORIGIN, location: 'Test'}
  }
};
const knownDIDRegistries = [{
  name: 'Credfolio self-test registry', type: 'dcc-legacy', url: REGISTRY_URL
}];

const baseDocs = {
  // keyed by DID: the harness serves it at didWebToUrl(DID)
  [DID]: didDoc,
  // keyed by URL
  [REVOCATION_LIST]: revocationListOk,
  [REGISTRY_URL]: registry
};

const revStatus = statusEntry(REVOCATION_LIST, 'revocation');
const valid = await sign(openBadge({credentialStatus: revStatus}), key);

const tampered = structuredClone(valid);
tampered.name = 'Teamwork Badge (tampered)';

const wrongKey = await sign(openBadge({credentialStatus: revStatus}),
  otherKeySameId);
const unknownKeyId = await sign(openBadge({credentialStatus: revStatus}), key2);
const didKeySigned = await sign(openBadge({credentialStatus: revStatus}),
  didKeySigner);

const twoStatuses = await sign(openBadge({credentialStatus: [
  revStatus, statusEntry(SUSPENSION_LIST, 'suspension')
]}), key);

const expired = await sign(openBadge({
  credentialStatus: revStatus, extra: {validUntil: minutesAgo(1)}
}), key);

// a CLR 2.0 credential wrapping the OB credential (only when the CLR 2.0.1
// context is available: it is not on npm, see contexts.mjs)
const HAVE_CLR = bundledContexts.has(URLS.CLR_2_0_1);
const clr = HAVE_CLR ? await sign({
  '@context': [URLS.VC_V2, URLS.CLR_2_0_1, URLS.OB_3_0_3],
  id: `urn:uuid:${crypto.randomUUID()}`,
  type: ['VerifiableCredential', 'ClrCredential'],
  issuer: {id: DID, type: ['Profile'], name: 'Org One'},
  validFrom: minutesAgo(5),
  name: 'Learner record',
  credentialSubject: {
    id: 'did:example:learner-1',
    type: ['ClrSubject'],
    verifiableCredential: [valid]
  },
  credentialStatus: statusEntry(REVOCATION_LIST, 'revocation', INDEX + 1)
}, key) : null;

// DID-document shape variants, each under its own DID (verifier-core's DID
// resolver caches documents for 5 s per DID URL)
async function variant(name, transformDidDoc, {serve = true} = {}) {
  const did = `did:web:localhost%3A8080:issuers:${name}`;
  const k = await makeKey(did);
  const doc = transformDidDoc(didDocument(did, [k]), did);
  const listUrl = `${ORIGIN}/status/${name}/revocation/1`;
  const list = await sign(statusListCredential(
    {url: listUrl, purpose: 'revocation', issuer: did}), k);
  const credential = await sign(openBadge({
    issuer: did, credentialStatus: statusEntry(listUrl, 'revocation')
  }), k);
  return {
    credential,
    documents: {...(serve ? {[did]: doc} : {}), [listUrl]: list,
      [REGISTRY_URL]: {registry: {[did]: {name: name, url: ORIGIN}}}},
    did
  };
}

const missingDid = await variant('not-served', d => d, {serve: false});
const relativeVmIds = await variant('relative-ids', d => {
  d.verificationMethod[0].id = '#key-1';
  d.assertionMethod = ['#key-1'];
  return d;
});
const embeddedVm = await variant('embedded-vm', d => {
  d.assertionMethod = [d.verificationMethod[0]];
  delete d.verificationMethod;
  return d;
});
const textPlainDidDoc = await variant('text-plain', d => ({
  $response: {status: 200, contentType: 'text/plain', body: d}
}));
const didJsonMediaType = await variant('did-json', d => ({
  $response: {status: 200, contentType: 'application/did+json', body: d}
}));
const multikeyContextFirst = await variant('no-did-context', d => {
  d['@context'] = [URLS.MULTIKEY_V1];
  return d;
});

// --- presentations: a did:web holder whose key is listed under both
// authentication and assertionMethod (as Credfolio's learner DID documents
// do), presentations holding the valid credential, signed with Digital
// Bazaar's vc.signPresentation
const HOLDER = 'did:web:localhost%3A8080:learners:learner-1';
const holderKey = await makeKey(HOLDER);
const holderDoc = {
  ...didDocument(HOLDER, [holderKey]),
  authentication: [holderKey.id]
};
const CHALLENGE = 'challenge-1';
const VP_DOMAIN = 'verifier.example';
async function signVp({purpose, holder = HOLDER} = {}) {
  const presentation = {
    '@context': [URLS.VC_V2],
    id: `urn:uuid:${crypto.randomUUID()}`,
    type: ['VerifiablePresentation'],
    holder,
    verifiableCredential: [valid]
  };
  return vc.signPresentation({
    presentation,
    suite: new DataIntegrityProof({
      signer: holderKey.signer(), cryptosuite: eddsaRdfc2022
    }),
    ...(purpose ? {purpose} : {challenge: CHALLENGE, domain: VP_DOMAIN}),
    documentLoader: strictContextLoader
  });
}
// proofPurpose authentication, challenge and domain (vc's default)
const vpAuthentication = await signVp();
// proofPurpose assertionMethod, no challenge (what verifier-core checks)
const vpAssertion = await signVp({purpose: new vc.CredentialIssuancePurpose()});
const vpAssertionOtherHolder = {
  ...structuredClone(vpAssertion),
  holder: 'did:web:localhost%3A8080:learners:someone-else'
};
const vpDocs = {...baseDocs, [HOLDER]: holderDoc};

// --- cases
const cases = [];
function addCase(name, input, expectFn, note) {
  cases.push({name, input, expectFn, note});
}
const docs = extra => ({...baseDocs, ...extra});
const sig = r => r.checks.valid_signature;
const fatal = r => r.errors.map(e => e.name);

addCase('valid', {credential: valid, documents: baseDocs},
  r => r.verified && sig(r) && r.checks.revocation_status === true &&
    r.checks.expiration === true && r.checks.registered_issuer === true);
addCase('tampered (name changed after signing)',
  {credential: tampered, documents: baseDocs},
  r => !r.verified && fatal(r).includes('invalid_signature'));
addCase(`revoked (bit ${INDEX} set in the revocation list)`,
  {credential: valid, documents: docs({[REVOCATION_LIST]: revocationListRevoked})},
  r => !r.verified && sig(r) && r.checks.revocation_status === false);
addCase(`control: only bit ${MIRROR_INDEX} set (LSB-first mirror of ${INDEX})`,
  {credential: valid, documents: docs({[REVOCATION_LIST]: revocationListMirror})},
  r => r.verified && r.checks.revocation_status === true,
  'proves index 0 = most significant bit of byte 0');
addCase('signed by another key, proof claims the issuer\'s #key-1',
  {credential: wrongKey, documents: baseDocs},
  r => !r.verified && fatal(r).includes('invalid_signature'));
addCase('signed by #key-2, which is not in the issuer\'s DID document',
  {credential: unknownKeyId, documents: baseDocs},
  r => !r.verified && fatal(r).includes('invalid_signature'));
addCase('signed by a did:key that is not the issuer',
  {credential: didKeySigned, documents: baseDocs},
  r => !r.verified && fatal(r).includes('invalid_signature'));
addCase('suspended (second entry, statusPurpose suspension, bit set)',
  {credential: twoStatuses,
    documents: docs({[SUSPENSION_LIST]: suspensionListSuspended})},
  r => !r.verified && sig(r) && r.checks.revocation_status === true &&
    r.checks.suspension_status === false);
addCase('expired (validUntil in the past)',
  {credential: expired, documents: baseDocs},
  r => !r.verified && r.checks.expiration === false);
addCase('status list credential not served',
  {credential: valid, documents: {[DID]: didDoc, [REGISTRY_URL]: registry}},
  r => !r.verified && r.errors.some(e => e.name === 'status_list_not_found'));
addCase('status list tampered after signing',
  {credential: valid,
    documents: docs({[REVOCATION_LIST]: revocationListTampered})},
  r => !r.verified &&
    r.errors.some(e => e.name === 'status_list_signature_error'));
addCase('status list served as a VC-JWT (application/vc+jwt)',
  {credential: valid, documents: docs({[REVOCATION_LIST]: {$response: {
    contentType: 'application/vc+jwt',
    body: vcJwt({vc: statusListCredential(
      {url: REVOCATION_LIST, purpose: 'revocation'})})
  }}})},
  r => !r.verified && r.errors.some(e => e.step === 'revocation_status'),
  'verifier-core only reads JSON(-LD) status lists');
addCase('issuer DID document not served',
  {credential: missingDid.credential, documents: missingDid.documents},
  r => !r.verified && fatal(r).includes('http_error_with_signature_check'),
  'not "did_web_unresolved": verifier-core matches the request URL against ' +
  'the DID with %3A left encoded, so a did:web with a port never matches');
addCase('DID doc with relative ids ("#key-1")',
  {credential: relativeVmIds.credential, documents: relativeVmIds.documents},
  r => !r.verified, 'absolute verification method ids are required');
addCase('DID doc with the Multikey embedded in assertionMethod',
  {credential: embeddedVm.credential, documents: embeddedVm.documents},
  r => r.verified);
addCase('DID doc served as text/plain',
  {credential: textPlainDidDoc.credential, documents: textPlainDidDoc.documents},
  r => !r.verified, 'the DID document response needs a *json* content type');
addCase('DID doc served as application/did+json',
  {credential: didJsonMediaType.credential,
    documents: didJsonMediaType.documents},
  r => r.verified);
addCase('DID doc whose @context does not start with did/v1',
  {credential: multikeyContextFirst.credential,
    documents: multikeyContextFirst.documents},
  r => !r.verified,
  'without did/v1 first, jsonld-signatures JSON-LD-frames the DID document; ' +
  'multikey/v1 alone does not define assertionMethod, so the key is lost');

if(HAVE_CLR) {
  addCase('CLR 2.0 ClrCredential (embeds the OB credential)',
    {credential: clr, documents: baseDocs},
    r => r.verified && r.requests.some(q => q.url === URLS.CLR_2_0_1),
    'verifier-core has no static CLR context: it requests ' +
    URLS.CLR_2_0_1 + ', served from the bundle');
}

// --- run
let passed = 0;
let failed = 0;
const show = v => JSON.stringify(v);
const brief = r => ({
  verified: r.verified,
  checks: r.checks,
  errors: r.errors
});

say('Bundled contexts:', show(describeContexts()));
say(`Issuer DID ${DID} -> ${didWebToUrl(DID)}`);
say(`Issuer key ${key.id} publicKeyMultibase ${key.publicKeyMultibase}`);
say();

function report(name, ok, r, note) {
  ok ? passed++ : failed++;
  say(`=== [${ok ? 'PASS' : 'FAIL'}] ${name}` +
    (note ? `  (${note})` : ''));
  say('  verifier-core:', show(brief(r)));
  const log = r.log.map(e => e.id === 'registered_issuer' ?
    {id: e.id, valid: e.valid,
      matchingIssuers: e.matchingIssuers?.length,
      uncheckedRegistries: e.uncheckedRegistries?.length} : e);
  if(log.length) {
    say('  log:', show(log));
  }
  if(r.explanation) {
    say('  explanation (underlying error):', show(r.explanation));
  }
  say('  requests:', show(r.requests.map(q =>
    `${q.method} ${q.url} [Accept: ${q.accept}] -> ${q.status}` +
    (q.served ? ` ${q.contentType}` : ' (refused)'))));
  if(FULL) {
    say('  full:', JSON.stringify(r, null, 2).replaceAll('\n', '\n  '));
  }
}

for(const c of cases) {
  let r;
  try {
    r = await verify({...c.input, knownDIDRegistries});
  } catch(e) {
    failed++;
    say(`=== [FAIL] ${c.name}: harness threw ${e.stack}`);
    continue;
  }
  report(c.name, !!c.expectFn(r), r, c.note);
}

// presentations through verifier-core's verifyPresentation
const presentationCases = [
  ['presentation, proofPurpose authentication, right challenge and domain',
    {presentation: vpAuthentication, challenge: CHALLENGE, domain: VP_DOMAIN},
    r => !r.verified && r.presentation.signature === 'invalid' &&
      r.credentials[0].verified && r.authentication.verified,
    'verifier-core checks presentations for assertionMethod: ' +
    '"Did not verify any proofs"; the authentication check passes'],
  ['presentation, proofPurpose authentication, wrong challenge',
    {presentation: vpAuthentication, challenge: 'other', domain: VP_DOMAIN},
    r => !r.verified && r.presentation.signature === 'invalid' &&
      !r.authentication.verified &&
      r.authentication.errors.some(e => e.includes('challenge is not as expected')),
    'the same verifier-core verdict as with the right challenge'],
  ['presentation, proofPurpose authentication, wrong domain',
    {presentation: vpAuthentication, challenge: CHALLENGE, domain: 'other.example'},
    r => !r.authentication.verified &&
      r.authentication.errors.some(e => e.includes('domain is not as expected'))],
  ['presentation, proofPurpose assertionMethod, no challenge in the proof',
    {presentation: vpAssertion, challenge: CHALLENGE},
    r => r.verified && r.presentation.signature === 'valid' &&
      !r.authentication.verified,
    'verifier-core accepts it, whatever challenge it is given'],
  ['presentation, proofPurpose assertionMethod, holder altered',
    {presentation: vpAssertionOtherHolder, challenge: CHALLENGE},
    r => !r.verified && r.presentation.signature === 'invalid' &&
      r.presentation.errors.some(e =>
        e.messages.some(m => m.includes('Invalid signature')))]
];
for(const [name, input, expectFn, note] of presentationCases) {
  let r;
  try {
    r = await verifyPresentation({...input, documents: vpDocs,
      knownDIDRegistries});
  } catch(e) {
    failed++;
    say(`=== [FAIL] ${name}: harness threw ${e.stack}`);
    continue;
  }
  const ok = !!expectFn(r);
  ok ? passed++ : failed++;
  say(`=== [${ok ? 'PASS' : 'FAIL'}] ${name}` + (note ? `  (${note})` : ''));
  say('  verifier-core:', show({verified: r.verified,
    presentation: r.presentation,
    credentials: r.credentials.map(c => ({verified: c.verified,
      checks: c.checks, errors: c.errors})),
    errors: r.errors}));
  say('  authentication check (same libraries, diagnostic):',
    show(r.authentication));
  say('  requests:', show(r.requests.map(q => `${q.method} ${q.url} -> ` +
    `${q.status}`)));
  if(FULL) {
    say('  full:', JSON.stringify(r, null, 2).replaceAll('\n', '\n  '));
  }
}

// the same "valid" case through the CLI (stdin -> stdout)
{
  const res = spawnSync(process.execPath, [path.join(HERE, 'verify.mjs')], {
    input: JSON.stringify({credential: valid, documents: baseDocs,
      knownDIDRegistries}),
    encoding: 'utf8'
  });
  let r;
  try {
    r = JSON.parse(res.stdout);
  } catch(e) {
    r = null;
  }
  const ok = res.status === 0 && r && r.verified === true &&
    r.checks.revocation_status === true;
  if(r) {
    report('CLI: node verify.mjs < {valid credential, documents}', ok, r);
  } else {
    failed++;
    say('=== [FAIL] CLI verify.mjs: stdout was not JSON:',
      res.stdout, res.stderr);
  }
}

// a presentation through the CLI
{
  const res = spawnSync(process.execPath,
    [path.join(HERE, 'verify-presentation.mjs')], {
      input: JSON.stringify({presentation: vpAssertion, challenge: CHALLENGE,
        documents: vpDocs, knownDIDRegistries}),
      encoding: 'utf8'
    });
  let r;
  try {
    r = JSON.parse(res.stdout);
  } catch(e) {
    r = null;
  }
  const ok = res.status === 0 && r && r.verified === true &&
    r.presentation.signature === 'valid';
  ok ? passed++ : failed++;
  say(`=== [${ok ? 'PASS' : 'FAIL'}] CLI: node verify-presentation.mjs < ` +
    '{assertionMethod presentation, documents}: ' +
    (r ? show({verified: r.verified, presentation: r.presentation}) :
      `stdout was not JSON: ${res.stdout} ${res.stderr}`));
}

// expand.mjs (safe mode, bundled contexts only) on what we issued
for(const [name, doc, want] of [
  ['expand: issued OpenBadgeCredential', valid, true],
  ['expand: signed status list credential', revocationListOk, true],
  ['expand: DID document', didDoc, true],
  ...(HAVE_CLR ? [['expand: signed ClrCredential', clr, true]] : []),
  ['expand: undefined term under OB 3.0.3 only', {
    '@context': [URLS.OB_3_0_3], type: ['Achievement'], notATerm: 1}, false],
  ['expand: unbundled context (OB 3.0.2)', {
    '@context': [URLS.VC_V2,
      'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json'],
    type: ['VerifiableCredential']}, false]
]) {
  const {ok, error} = await expandSafe(doc);
  const pass = ok === want;
  pass ? passed++ : failed++;
  say(`=== [${pass ? 'PASS' : 'FAIL'}] ${name}: ` +
    show(ok ? {ok} : {ok, error}));
}

if(!HAVE_CLR) {
  say('=== [SKIP] CLR cases: no CLR 2.0.1 context file found ' +
    '(see contexts.mjs)');
}
say();
say(`selftest: ${passed} passed, ${failed} failed`);
process.exitCode = failed === 0 ? 0 : 1;
