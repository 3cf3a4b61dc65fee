/**
 * A stand-in for the Bot Framework connector on loopback: records the
 * activities the bot sends back, over real HTTP.
 */
import * as http from 'node:http';

export interface FakeConnector {
  url: string;
  received: Array<{ path: string; body: any; authorization?: string }>;
  waitFor(count: number, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export async function startFakeConnector(): Promise<FakeConnector> {
  const received: FakeConnector['received'] = [];
  const server = http.createServer((req, res) => {
    let data = '';
    req.on('data', (c) => { data += c; });
    req.on('end', () => {
      let body: any = data;
      try { body = JSON.parse(data); } catch { /* keep text */ }
      received.push({ path: req.url ?? '', body, authorization: req.headers.authorization });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: `reply-${received.length}` }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    async waitFor(count, timeoutMs = 5000) {
      const start = Date.now();
      while (received.length < count) {
        if (Date.now() - start > timeoutMs) throw new Error(`connector got ${received.length} of ${count} activities`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
