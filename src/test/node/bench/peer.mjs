// The Node peer of the HTTP benchmark (org.credfolio.benchmark.HttpBenchmark): what plain Node
// does on the same machine, measured by the same wrk beside the service's own rows.
//
//   node bench/peer.mjs <JWKS URL>
//
// Listens on a free port of 127.0.0.1 and prints {"port": N} once it does. Routes:
//   POST /plain               a tiny JSON answer: the floor of Node's http
//   POST /challenges          the work of the service's POST /challenges: 16 random bytes and an
//                             expiry, HMAC-SHA256 (truncated to 16 bytes), base64url, JSON
//   POST /credentials/verify  {"verifiableCredential": <vc+jwt>} verified with jose against the
//                             service's published keys (fetched once from the JWKS URL, the only
//                             request this script makes), every time: no cache of results
// Every body is read and parsed as JSON, as the service does.
import crypto from 'node:crypto';
import http from 'node:http';
import { createLocalJWKSet, jwtVerify } from 'jose';

const jwksUrl = process.argv[2];
if (!jwksUrl || !/^http:\/\/127\.0\.0\.1:\d+\//.test(jwksUrl)) {
  console.error('usage: node bench/peer.mjs http://127.0.0.1:<port>/.well-known/jwks.json');
  process.exit(2);
}
const keys = createLocalJWKSet(await (await fetch(jwksUrl)).json());
const macKey = crypto.randomBytes(32);
const LIFETIME_SECONDS = 600;

function challenge(domain) {
  const body = Buffer.alloc(24);
  crypto.randomFillSync(body, 0, 16);
  const expires = Math.floor(Date.now() / 1000) + LIFETIME_SECONDS;
  body.writeBigInt64BE(BigInt(expires), 16);
  const tag = crypto.createHmac('sha256', macKey).update(body).update(domain ?? '').digest().subarray(0, 16);
  return {
    challenge: `${body.toString('base64url')}.${tag.toString('base64url')}`,
    domain: domain ?? null,
    expiresAt: new Date(expires * 1000).toISOString().replace('.000Z', 'Z'),
  };
}

async function verify(request) {
  const token = request?.verifiableCredential;
  if (typeof token !== 'string') {
    return [400, { verified: false, error: 'verifiableCredential must be a vc+jwt' }];
  }
  try {
    await jwtVerify(token, keys, { typ: 'vc+jwt' });
    return [200, { verified: true }];
  } catch (e) {
    return [400, { verified: false, error: e.code ?? String(e) }];
  }
}

async function answer(path, request) {
  switch (path) {
    case '/plain':
      return [200, { ok: true }];
    case '/challenges':
      return [200, challenge(request?.domain)];
    case '/credentials/verify':
      return verify(request);
    default:
      return [404, { error: 'not found' }];
  }
}

const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', async () => {
    let request = null;
    try {
      const text = Buffer.concat(chunks).toString('utf8');
      request = text.length === 0 ? null : JSON.parse(text);
    } catch {
      res.writeHead(400, { 'Content-Type': 'application/json' }).end('{"error":"not JSON"}');
      return;
    }
    const [status, body] = await answer(req.url, request);
    res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
  });
});
server.listen(0, '127.0.0.1', () => console.log(JSON.stringify({ port: server.address().port })));
