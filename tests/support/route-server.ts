/**
 * Serves one Next.js route handler over real HTTP on a loopback port, in the test's own process
 * (so it uses the test database), for real clients such as Alertmanager. Records every request's
 * method, path and Authorization header, and the handler's status.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

type Handler = (request: Request, context: { params: Promise<Record<string, never>> }) => Promise<Response>;

export interface Delivery {
  path: string;
  authorization: string | null;
  status: number;
  body: string;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function serveRoute(path: string, handler: Handler) {
  const deliveries: Delivery[] = [];
  const server = createServer(async (req, res) => {
    const body = await readBody(req);
    if (req.url !== path || req.method !== 'POST') {
      res.writeHead(404).end();
      return;
    }
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string') headers.set(name, value);
    const response = await handler(new Request(`http://${req.headers.host}${req.url}`, { method: 'POST', headers, body: new Uint8Array(body) }), { params: Promise.resolve({}) });
    const text = await response.text();
    deliveries.push({ path: req.url, authorization: req.headers.authorization ?? null, status: response.status, body: text });
    res.writeHead(response.status, { 'content-type': 'application/json' }).end(text);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    deliveries,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
