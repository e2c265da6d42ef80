import { POSTGRES_ADMIN_URL } from './databases.ts';
import { createConnection, createServer, type Server, type Socket } from 'node:net';

export type ProxyState = 'open' | 'cut' | 'stalled';

/**
 * A TCP proxy on 127.0.0.1 that a test puts between the service and PostgreSQL, to make
 * database faults real without touching the shared server:
 * - cut(): every live connection is reset and new ones are reset at once (a crashed or
 *   unreachable server);
 * - stall(): connections stay open but no byte moves either way, and new ones are held
 *   (a hung server or a black-holed network);
 * - restore(): forwarding again; stalled connections resume where they were.
 */
export interface TcpProxy {
  port: number;
  /** postgres://… for `database` through the proxy. */
  urlFor(databaseUrl: string): string;
  state(): ProxyState;
  cut(): void;
  stall(): void;
  restore(): void;
  close(): Promise<void>;
}

interface Pair {
  client: Socket;
  upstream: Socket;
}

/**
 * Resets a connection like a crashed server would. A socket whose end() has already begun (pipe
 * ends it when the other side closes) is only destroyed: on Node 24 a reset racing that pending
 * shutdown leaves the native handle referenced, and the process spins at exit, never leaving.
 */
function reset(socket: Socket): void {
  if (socket.writableEnded || socket.destroyed) socket.destroy();
  else socket.resetAndDestroy();
}

/** The PostgreSQL server of TEST_DATABASE_URL, which the fault tests put the proxy in front of. */
function testPostgres(): { host: string; port: number } {
  const url = new URL(POSTGRES_ADMIN_URL);
  return { host: url.hostname, port: Number(url.port || 5432) };
}

export async function startTcpProxy(target = testPostgres(), initial: ProxyState = 'open'): Promise<TcpProxy> {
  let state: ProxyState = initial;
  const pairs = new Set<Pair>();
  const held = new Set<Socket>();

  const connect = (client: Socket) => {
    const upstream = createConnection(target);
    const pair = { client, upstream };
    pairs.add(pair);
    const drop = () => {
      pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    client.on('error', drop).on('close', drop);
    upstream.on('error', drop).on('close', drop);
    client.pipe(upstream);
    upstream.pipe(client);
  };

  const server: Server = createServer((client) => {
    if (state === 'cut') return reset(client);
    if (state === 'stalled') {
      held.add(client.pause());
      client.on('error', () => held.delete(client)).on('close', () => held.delete(client));
      return;
    }
    connect(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;

  const setPaused = (paused: boolean) => {
    for (const { client, upstream } of pairs) {
      for (const socket of [client, upstream]) {
        if (paused) socket.pause();
        else socket.resume();
      }
    }
  };

  const proxy: TcpProxy = {
    port,
    urlFor: (databaseUrl) => {
      const url = new URL(databaseUrl);
      url.hostname = '127.0.0.1';
      url.port = String(port);
      return url.toString();
    },
    state: () => state,
    cut() {
      state = 'cut';
      for (const { client, upstream } of pairs) {
        reset(client);
        upstream.destroy();
      }
      for (const socket of held) reset(socket);
    },
    stall() {
      state = 'stalled';
      setPaused(true);
    },
    restore() {
      state = 'open';
      setPaused(false);
      for (const socket of held) {
        held.delete(socket);
        connect(socket);
        socket.resume();
      }
    },
    async close() {
      proxy.cut();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return proxy;
}
