/**
 * A minimal OpenID Connect provider for the e2e run (authorization code flow):
 * discovery, an authorize page where the test types who it is, a token
 * endpoint issuing RS256 id_tokens, and the JWKS. Just enough for Auth.js to
 * do a real sign-in against it; no sessions, no consent, one client.
 */
import { generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface OidcStub {
  issuer: string;
  clientId: string;
  clientSecret: string;
  close(): Promise<void>;
}

const b64url = (value: Buffer | string) => Buffer.from(value).toString('base64url');

/** Listens on a free port of 127.0.0.1 (no clash with other e2e runs on this machine). */
export async function startOidcStub(): Promise<OidcStub> {
  let issuer = '';
  const clientId = 'shc-e2e';
  const clientSecret = randomBytes(24).toString('base64url');
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = { ...publicKey.export({ format: 'jwk' }), kid: 'e2e', alg: 'RS256', use: 'sig' };
  /** code → who signed in and for which client request. */
  const codes = new Map<string, { email: string; verified: boolean; nonce?: string }>();
  /** access token → the claims /userinfo answers (Auth.js reads the id_token; this is for completeness). */
  const userinfo = new Map<string, Record<string, unknown>>();

  function idToken(claims: Record<string, unknown>): string {
    const header = b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid: 'e2e' }));
    const body = b64url(JSON.stringify(claims));
    return `${header}.${body}.${b64url(sign('sha256', Buffer.from(`${header}.${body}`), privateKey))}`;
  }

  const json = (res: http.ServerResponse, status: number, body: unknown) =>
    res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(JSON.stringify(body));

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', issuer);
    if (url.pathname === '/.well-known/openid-configuration') {
      return json(res, 200, {
        issuer,
        authorization_endpoint: `${issuer}/authorize`,
        token_endpoint: `${issuer}/token`,
        jwks_uri: `${issuer}/jwks`,
        userinfo_endpoint: `${issuer}/userinfo`,
        response_types_supported: ['code'],
        subject_types_supported: ['public'],
        id_token_signing_alg_values_supported: ['RS256'],
        token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
        code_challenge_methods_supported: ['S256'],
      });
    }
    if (url.pathname === '/jwks') return json(res, 200, { keys: [jwk] });
    if (url.pathname === '/userinfo') {
      const claims = userinfo.get(/^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '');
      return claims ? json(res, 200, claims) : json(res, 401, { error: 'invalid_token' });
    }
    if (url.pathname === '/authorize' && req.method === 'GET') {
      // The "login page": the test says which email it is and whether the IdP vouches for it.
      const params = [...url.searchParams].map(
        ([k, v]) => `<input type="hidden" name="${k}" value="${v.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}">`,
      );
      res.writeHead(200, { 'content-type': 'text/html' }).end(`<!doctype html><title>Test IdP</title>
        <form method="post" action="/authorize">${params.join('')}
        <label>Email <input name="login_email"></label>
        <label><input type="checkbox" name="unverified"> unverified</label>
        <button>Continue</button></form>`);
      return;
    }
    if (url.pathname === '/authorize' && req.method === 'POST') {
      return void readForm(req).then((form) => {
        if (form.get('client_id') !== clientId) return json(res, 400, { error: 'unauthorized_client' });
        const code = randomBytes(16).toString('base64url');
        codes.set(code, {
          email: form.get('login_email') ?? '',
          verified: !form.has('unverified'),
          nonce: form.get('nonce') ?? undefined,
        });
        const back = new URL(form.get('redirect_uri')!);
        back.searchParams.set('code', code);
        if (form.get('state')) back.searchParams.set('state', form.get('state')!);
        back.searchParams.set('iss', issuer);
        res.writeHead(302, { location: back.toString() }).end();
      });
    }
    if (url.pathname === '/token' && req.method === 'POST') {
      return void readForm(req).then((form) => {
        const basic = /^Basic (.+)$/.exec(req.headers.authorization ?? '')?.[1];
        const [id, secret] = basic
          ? Buffer.from(basic, 'base64').toString().split(':').map(decodeURIComponent)
          : [form.get('client_id'), form.get('client_secret')];
        if (id !== clientId || secret !== clientSecret) return json(res, 401, { error: 'invalid_client' });
        const grant = codes.get(form.get('code') ?? '');
        codes.delete(form.get('code') ?? '');
        if (!grant) return json(res, 400, { error: 'invalid_grant' });
        const now = Math.floor(Date.now() / 1000);
        const claims = {
          // The IdP's own subject: the console must not use it as its user id.
          sub: `idp|${grant.email}`,
          email: grant.email,
          email_verified: grant.verified,
          name: `IdP ${grant.email}`,
        };
        const accessToken = randomBytes(16).toString('base64url');
        userinfo.set(accessToken, claims);
        return json(res, 200, {
          access_token: accessToken,
          token_type: 'Bearer',
          expires_in: 300,
          id_token: idToken({
            ...claims,
            iss: issuer,
            aud: clientId,
            iat: now,
            exp: now + 300,
            ...(grant.nonce && { nonce: grant.nonce }),
          }),
        });
      });
    }
    json(res, 404, { error: 'not_found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    issuer,
    clientId,
    clientSecret,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections(); // the console's fetch keeps connections alive
        server.close(() => resolve());
      }),
  };
}

function readForm(req: http.IncomingMessage): Promise<URLSearchParams> {
  return new Promise((resolve) => {
    let raw = '';
    req.on('data', (chunk) => (raw += chunk));
    req.on('end', () => resolve(new URLSearchParams(raw)));
  });
}
