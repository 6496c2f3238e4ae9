import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A server that reads what is sent to it and never answers: a desk gone quiet after taking a
 * story in. `arrived` settles once a whole request has come.
 */
export async function startSilentServer(): Promise<{ origin: string; arrived: Promise<void>; close: () => void }> {
  let heard: () => void = () => undefined;
  const arrived = new Promise<void>((resolve) => (heard = resolve));
  const server = http.createServer((req) => {
    req.resume();
    req.on('end', () => heard());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    arrived,
    close: () => {
      server.closeAllConnections();
      server.close();
    },
  };
}
