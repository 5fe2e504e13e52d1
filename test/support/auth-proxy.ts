/**
 * A private package index for end-to-end tests: the lab's mirror behind HTTP basic auth,
 * on a random port of 127.0.0.1. Counts what it let through and what it turned away.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface AuthProxy {
  readonly port: number;
  readonly user: string;
  readonly password: string;
  /** The Authorization header value it accepts. */
  readonly header: string;
  readonly seen: { authorized: number; rejected: number };
  close(): Promise<void>;
}

export async function startAuthProxy(user = 'pycrane-e2e'): Promise<AuthProxy> {
  const password = `pw-${Math.random().toString(36).slice(2)}${Date.now().toString(36)}`;
  const header = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
  const upstreamPort = Number(process.env.DOCKER_LAB_PORT ?? 3141);
  const seen = { authorized: 0, rejected: 0 };
  const server = http.createServer((req, res) => {
    if (req.headers.authorization !== header) {
      seen.rejected += 1;
      res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="pycrane-e2e"' });
      res.end('authentication required\n');
      return;
    }
    seen.authorized += 1;
    const upstream = http.request(
      { host: '127.0.0.1', port: upstreamPort, path: req.url, method: req.method, headers: { ...req.headers, host: `127.0.0.1:${upstreamPort}`, authorization: '' } },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    upstream.on('error', () => {
      res.writeHead(502);
      res.end();
    });
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    user,
    password,
    header,
    seen,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
