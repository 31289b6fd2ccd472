#!/usr/bin/env node
// The DCC Learner Credential Wallet (LCW) 2.1.2 receiving a credential from a
// deep link, run with the wallet's own libraries at the versions of its
// package-lock.json: @digitalcredentials/vc 9.0.0,
// @digitalcredentials/ed25519-signature-2020 6.0.0,
// @digitalcredentials/ed25519-verification-key-2020 4.0.0,
// @digitalcredentials/did-method-key 2.0.3, validator 13.12.0 and
// query-string 7.1.3. Each step below is ported line by line from the LCW
// source named beside it (github.com/digitalcredentials/
// learner-credential-wallet at 743acc1d, app/...). Only the React Native
// parts are replaced: navigation, the Realm store and the modals.
//
// Input on stdin:
//   {"deepLink": "https://lcw.app/mobile?request=...",
//    "origins": {"https://credfolio.example.org": "http://127.0.0.1:8123"}}
// `origins` stands in for DNS and TLS: a request to a public origin goes to
// the local address given for it. A request to any other origin is refused,
// so nothing leaves this machine.
//
// Output on stdout, one JSON object:
//   {"request": the credential request read from the link, "did": the wallet's
//    DID, "presentation": the signed DID authentication it sent, "response":
//    the exchange's last answer, "credential": the first credential in it or
//    null, "requests": [{method, url, status}], "error": only when a step threw}
//
// `--sign-only` reads {"challenge", "domain"} instead and prints only the
// presentation LCW would send (constructExchangeRequest), for test vectors;
// with "vcVersion": 1 it is a VC 1.1 presentation, as older wallets made.

import crypto from 'node:crypto';
import fs from 'node:fs';
import {createRequire} from 'node:module';
import * as vc from '@digitalcredentials/vc';
import {Ed25519Signature2020} from '@digitalcredentials/ed25519-signature-2020';
import {Ed25519VerificationKey2020} from
  '@digitalcredentials/ed25519-verification-key-2020';
import * as DidMethodKey from '@digitalcredentials/did-method-key';
import qs from 'query-string';
import validator from 'validator';

const require = createRequire(import.meta.url);
const requests = [];

// ---- The network: only the mapped origins, nothing else ------------------

function installFetch(origins) {
  globalThis.fetch = async (input, init = {}) => {
    const url = new URL(typeof input === 'string' ? input : input.url);
    const record = {method: init.method ?? 'GET', url: url.href};
    requests.push(record);
    const target = origins[url.origin];
    if(!target) {
      record.status = 'refused';
      throw new TypeError(`Network request refused: ${url.origin} is not ` +
        `one of the mapped origins (${Object.keys(origins).join(', ')}).`);
    }
    const local = new URL(url.pathname + url.search, target);
    const response = await nodeFetch(local, init);
    record.status = response.status;
    return response;
  };
}
const nodeFetch = globalThis.fetch;

// ---- Offline JSON-LD contexts ---------------------------------------------

// LCW's loader is securityLoader({fetchRemoteContexts: true}) of
// @digitalcredentials/security-document-loader 6.0.0. Offline, this loader
// serves the same packages' copies of the contexts a DID authentication uses
// (that loader takes them from these packages), and refuses everything else.
const contexts = new Map();
{
  const ed25519 = require('ed25519-signature-2020-context');
  contexts.set(ed25519.constants.CONTEXT_URL,
    ed25519.contexts.get(ed25519.constants.CONTEXT_URL));
  const vc1 = require('credentials-context');
  contexts.set(vc1.CONTEXT_URL, vc1.CONTEXT);
  const vc2 = require('@digitalcredentials/credentials-v2-context');
  contexts.set(vc2.CONTEXT_URL, vc2.CONTEXT);
  const did = require('did-context');
  contexts.set(did.constants.DID_CONTEXT_URL,
    did.contexts.get(did.constants.DID_CONTEXT_URL));
}
async function documentLoader(url) {
  if(!contexts.has(url)) {
    throw new Error(`Offline document loader: "${url}" is not bundled.`);
  }
  return {contextUrl: null, documentUrl: url,
    document: structuredClone(contexts.get(url))};
}

// ---- config.ts, lib/encode.ts, lib/deepLink.ts, lib/decode.ts,
//      lib/credentialRequest.ts: opening the link ---------------------------

const LinkConfig = {
  schemes: {
    customProtocol: ['dccrequest://', 'org.dcconsortium://'],
    universalAppLink: 'https://lcw.app/mobile'
  }
};
const DEEP_LINK_SCHEMES = LinkConfig.schemes.customProtocol
  .concat(LinkConfig.schemes.universalAppLink);

const PARAM_REGEX = /=([^&]+)/g;
const RESERVED_REGEX = /[;,/?:@&=+$]/g;
function encodeQueryParams(url) {
  return url.replace(PARAM_REGEX, (_, value) => {
    if(value.match(RESERVED_REGEX)) {
      return `=${encodeURIComponent(value)}`;
    }
    return `=${value}`;
  });
}

function getChapiCredentialRequest(params) {
  const {request: requestString} = params;
  if(!requestString) {
    throw new Error(
      '[getChapiCredentialRequest] The credential request was malformed.');
  }
  return JSON.parse(requestString);
}

function isChapiCredentialRequest(request) {
  const {credentialRequestOrigin, protocols} = request || {};
  if(credentialRequestOrigin === undefined || protocols === undefined) {
    return false;
  }
  return ['OID4VCI', 'OID4VP', 'vcapi'].some(field => !!protocols[field]);
}

function credentialRequestFromChapiUrl(url) {
  const params = qs.parse(url.split('?')[1]);
  if(!isChapiCredentialRequest(getChapiCredentialRequest(params))) {
    throw new Error(
      '[credentialRequestFromChapiUrl] The credential request was malformed.');
  }
  return getChapiCredentialRequest(params);
}

/**
 * The request LCW's navigation hands to its ExchangeCredentials screen. React
 * Navigation opens only links under one of the prefixes. A running app gets
 * the link as a 'url' event (redirectRequestRoute); a cold start gets it from
 * getInitialURL, re-encoded (transformDeepLink), through getStateFromPath.
 * Both must give the same request.
 */
function openDeepLink(url) {
  const prefix = DEEP_LINK_SCHEMES.find(p => url.startsWith(p));
  if(!prefix) {
    throw new Error(`LCW does not open this link: it starts with none of ${DEEP_LINK_SCHEMES.join(', ')}.`);
  }
  if(!url.includes('request=')) {
    throw new Error('The link has no request= parameter: LCW would not start an exchange.');
  }
  const running = credentialRequestFromChapiUrl(url);
  const {query} = qs.parseUrl(encodeQueryParams(url).slice(prefix.length));
  if(!('request' in query)) {
    throw new Error('After a cold start the link has no request parameter.');
  }
  const coldStart = JSON.parse(query.request);
  if(JSON.stringify(coldStart) !== JSON.stringify(running)) {
    throw new Error('A cold start reads another request than a running app: ' +
      JSON.stringify({coldStart, running}));
  }
  return running;
}

// ---- lib/did.ts: the wallet's DID ------------------------------------------

async function mintDid() {
  const didKeyDriver = DidMethodKey.driver();
  // LCW passes randomBytes, which the driver ignores; the key is random.
  const {didDocument, keyPairs} = await didKeyDriver.generate({
    randomBytes: crypto.getRandomValues(new Uint8Array(32))
  });
  const [verificationKey, keyAgreementKey] =
    Array.from(keyPairs).map(([, pair]) => pair);
  // model/did.ts keeps each as JSON text (rawVerificationKey) and parses it.
  return {
    didDocument: JSON.parse(JSON.stringify(didDocument)),
    verificationKey: JSON.parse(JSON.stringify(verificationKey)),
    keyAgreementKey: JSON.parse(JSON.stringify(keyAgreementKey))
  };
}

/** screens/ExchangeCredentials/ExchangeCredentials.tsx, acceptExchange. */
async function holderAndSuite(didRecord) {
  const holder = didRecord.didDocument.authentication[0].split('#')[0];
  const key = await Ed25519VerificationKey2020.from(didRecord.verificationKey);
  const suite = new Ed25519Signature2020({key});
  return {holder, suite};
}

// ---- lib/exchanges.ts ------------------------------------------------------

const MAX_INTERACTIONS = 10;
const QueryType = {
  Example: 'QueryByExample',
  Frame: 'QueryByFrame',
  DidAuth: 'DIDAuthentication',
  DidAuthLegacy: 'DIDAuth'
};

const interactExchange = async (url, request = {}) => {
  const exchangeResponseRaw = await fetch(url, {
    method: 'POST',
    headers: {'Content-Type': 'application/json'},
    body: JSON.stringify(request, null, 2)
  });
  return exchangeResponseRaw.json();
};

// This wallet holds no credentials yet, so every query by example or frame
// matches none (queryCredentialRecordsByType over an empty store).
const queryCredentialRecordsByType = async () => [];

let lastPresentation = null;

const constructExchangeRequest = async ({
  credentials = [], challenge = crypto.randomUUID(), domain, holder, suite,
  signed = true, version
}) => {
  const presentationOptions = {holder};
  if(version !== undefined) {
    presentationOptions.version = version;
  }
  if(credentials.length !== 0) {
    presentationOptions.verifiableCredential = credentials;
  }
  const presentation = vc.createPresentation(presentationOptions);
  let finalPresentation = presentation;
  if(signed) {
    finalPresentation = await vc.signPresentation({
      presentation, challenge, domain, suite, documentLoader
    });
  }
  lastPresentation = finalPresentation;
  return {verifiablePresentation: finalPresentation};
};

const requiresAction = exchangeResponse =>
  !!exchangeResponse.verifiablePresentationRequest;

const handleVcApiExchangeComplete = async ({
  url, request = {}, holder, suite, interactions = 0, interactive = false
}) => {
  if(interactions === MAX_INTERACTIONS) {
    throw new Error(`Request timed out after ${interactions} interactions`);
  }
  if(!validator.isURL(url + '')) {
    throw new Error(`Received invalid interaction URL from issuer: ${url}`);
  }

  const exchangeResponse = await interactExchange(url, request);
  if(!requiresAction(exchangeResponse)) {
    return exchangeResponse;
  }

  let signed = false;
  let credentials = [];
  let filteredCredentialRecords = [];
  const {query, challenge, domain, interact} =
    exchangeResponse.verifiablePresentationRequest;
  let queries = query;
  if(!Array.isArray(queries)) {
    queries = [query];
  }
  for(const query of queries) {
    switch(query.type) {
      case QueryType.DidAuthLegacy:
      case QueryType.DidAuth:
        signed = true;
        break;
      default: {
        const group = await queryCredentialRecordsByType(query);
        filteredCredentialRecords = filteredCredentialRecords.concat(group);
        credentials = credentials.concat(
          filteredCredentialRecords.map(r => r.credential));
      }
    }
  }

  if(interactive && credentials.length > 0) {
    throw new Error('LCW would ask the learner to pick credentials to share.');
  }
  const exchangeRequest = await constructExchangeRequest(
    {credentials, challenge, domain, holder, suite, signed});
  const exchangeUrl = interact?.service[0]?.serviceEndpoint ?? url;
  return handleVcApiExchangeComplete({
    url: exchangeUrl, request: exchangeRequest, holder, suite,
    interactions: interactions + 1, interactive
  });
};

// ---- main --------------------------------------------------------------------

const input = JSON.parse(fs.readFileSync(0, 'utf8'));
const out = {};
try {
  const {holder, suite} = await holderAndSuite(await mintDid());
  out.did = holder;
  if(process.argv.includes('--sign-only')) {
    installFetch({});
    const {verifiablePresentation} = await constructExchangeRequest({
      challenge: input.challenge, domain: input.domain, holder, suite,
      version: input.vcVersion === 1 ? 1.0 : undefined
    });
    process.stdout.write(JSON.stringify(verifiablePresentation, null, 2) + '\n');
    process.exit(0);
  }
  installFetch(input.origins ?? {});
  const request = openDeepLink(input.deepLink);
  out.request = request;
  // ExchangeCredentials.tsx: the exchange starts at protocols.vcapi.
  const response = await handleVcApiExchangeComplete({
    url: request.protocols.vcapi, holder, suite, interactive: true
  });
  out.presentation = lastPresentation;
  out.response = response;
  const credentialField = response.verifiablePresentation?.verifiableCredential;
  const credentialAvailable = !!credentialField &&
    Array.isArray(credentialField) && credentialField.length > 0;
  out.credential = credentialAvailable ? credentialField[0] : null;
} catch(e) {
  out.presentation = lastPresentation;
  out.error = `${e.name}: ${e.message}`;
}
out.requests = requests;
process.stdout.write(JSON.stringify(out) + '\n');
process.exit(out.credential ? 0 : 1);
