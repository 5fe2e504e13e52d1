/**
 * A Unix-socket proxy in front of the real Docker engine, for fault tests: point DOCKER_HOST
 * at `host`, and `cut()` makes the engine stop answering for everything that goes through it
 * (open connections are destroyed, new ones refused), as a stopped dockerd would, while the
 * real engine goes on serving the other tests. `onRequest` sees each request line
 * (`POST /v1.41/build?...`), so a test can cut at a precise step.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface EngineProxy {
  /** `unix:///tmp/.../docker.sock`, for DOCKER_HOST. */
  readonly host: string;
  /** The request lines seen so far. */
  readonly requests: string[];
  cut(): Promise<void>;
  close(): Promise<void>;
}

const REQUEST_LINE = /^(GET|POST|PUT|DELETE|HEAD) (\S+) HTTP\/1\.[01]\r\n/;

export async function startEngineProxy(options: { engineSocket?: string; onRequest?: (line: string, proxy: EngineProxy) => void } = {}): Promise<EngineProxy> {
  const engineSocket = options.engineSocket ?? '/var/run/docker.sock';
  const dir = await mkdtemp(path.join(tmpdir(), 'pycrane-engine-proxy-'));
  const socket = path.join(dir, 'docker.sock');
  const open = new Set<net.Socket>();
  const requests: string[] = [];
  let cut = false;
  const server = net.createServer((client) => {
    if (cut) return void client.destroy();
    const upstream = net.connect(engineSocket);
    open.add(client).add(upstream);
    const drop = () => {
      client.destroy();
      upstream.destroy();
      open.delete(client);
      open.delete(upstream);
    };
    client.on('data', (chunk: Buffer) => {
      const line = REQUEST_LINE.exec(chunk.subarray(0, 2048).toString('latin1'));
      if (line) {
        requests.push(`${line[1]} ${line[2]}`);
        options.onRequest?.(`${line[1]} ${line[2]}`, proxy);
      }
      if (!cut) upstream.write(chunk);
    });
    upstream.on('data', (chunk: Buffer) => {
      if (!cut) client.write(chunk);
    });
    client.on('close', drop).on('error', drop);
    upstream.on('close', drop).on('error', drop);
  });
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(socket, resolve));
  const proxy: EngineProxy = {
    host: `unix://${socket}`,
    requests,
    async cut() {
      cut = true;
      for (const s of open) s.destroy();
      open.clear();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
    async close() {
      if (!cut) await proxy.cut();
      await rm(dir, { recursive: true, force: true });
    },
  };
  return proxy;
}
