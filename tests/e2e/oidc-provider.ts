/**
 * A real OpenID provider for the e2e run: `oidc-provider` (the certified
 * Node.js implementation) with its default settings — its own login and
 * consent pages (devInteractions), an ID token that carries only `sub` in the
 * code flow (claims come from userinfo), PKCE, exact redirect_uri matching —
 * on a free port of loopback. Only the accounts are ours.
 *
 * Logins (typed on the provider's login page; any password):
 * - an email: that email, `email_verified: true`;
 * - `unverified:<email>`: that email with `email_verified: "false"` (a string,
 *   as some providers send it).
 */
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';
import { UNVERIFIED_LOGIN } from './fixtures';

export interface TestOidcProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  close(): Promise<void>;
}


function claimsFor(login: string): { email: string; email_verified: boolean | string; name: string } {
  if (login.startsWith(UNVERIFIED_LOGIN)) {
    const email = login.slice(UNVERIFIED_LOGIN.length);
    return { email, email_verified: 'false', name: `IdP ${email}` };
  }
  return { email: login, email_verified: true, name: `IdP ${login}` };
}

/** `consoleOrigins`: every console origin whose /api/auth/callback/oidc may receive the code. */
export async function startOidcProvider(consoleOrigins: string[]): Promise<TestOidcProvider> {
  const clientId = 'shc-e2e';
  const clientSecret = randomBytes(24).toString('base64url');
  // Listen first: the issuer names the port.
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: consoleOrigins.map((origin) => `${origin}/api/auth/callback/oidc`),
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    // The IdP's own subject (the login): the console must not take it for its user id.
    async findAccount(_ctx, sub) {
      return { accountId: sub, claims: async () => ({ sub, ...claimsFor(sub) }) };
    },
  });
  server.on('request', provider.callback());
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
