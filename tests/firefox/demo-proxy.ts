import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import type net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import tls from 'node:tls';
import { answerGateway, isGatewayUrl } from '../fixtures/intacct/gateway';
import { resolveFixture } from '../fixtures/intacct/router';

/*
 * Why a proxy as well as request interception: WebDriver BiDi only sees requests of browsing contexts in
 * tabs, and the Firefox add-on's background page (which makes the gateway calls of the connection test)
 * is not one (Firefox's remote agent drops its network events: NavigableManager knows no context for it).
 * So Firefox is pointed at this local proxy: a CONNECT to a *.intacct.com host is answered here with a
 * throwaway certificate (the session accepts insecure certificates) by the same demo Intacct the pages
 * come from; every other host is refused, so nothing leaves the machine.
 */

export interface ProxiedRequest {
  method: string;
  url: string;
}

export interface DemoProxy {
  port: number;
  /** Every request the proxy answered, in order. */
  requests: ProxiedRequest[];
  close(): Promise<void>;
}

function isIntacctHost(host: string): boolean {
  return host === 'intacct.com' || host.endsWith('.intacct.com');
}

let certificate: { key: Buffer; cert: Buffer } | undefined;

/** A self-signed certificate for *.intacct.com, made once per run with openssl and never kept. */
function demoCertificate(): { key: Buffer; cert: Buffer } {
  if (certificate) return certificate;
  const dir = mkdtempSync(path.join(tmpdir(), 'ish-proxy-cert-'));
  try {
    execFileSync(
      'openssl',
      ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=demo.intacct.com',
        '-addext', 'subjectAltName=DNS:*.intacct.com,DNS:intacct.com',
        '-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem')],
      { stdio: 'ignore' },
    );
    certificate = { key: readFileSync(path.join(dir, 'key.pem')), cert: readFileSync(path.join(dir, 'cert.pem')) };
    return certificate;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function startDemoProxy(): Promise<DemoProxy> {
  const { key, cert } = demoCertificate();
  const requests: ProxiedRequest[] = [];
  const sockets = new Set<net.Socket>();

  const demo = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = `https://${req.headers.host ?? ''}${req.url ?? '/'}`;
      requests.push({ method: req.method ?? '', url });
      if (isGatewayUrl(url) && req.method === 'POST') {
        const answer = answerGateway(Buffer.concat(chunks).toString('utf8'));
        // The "never answers" case: hold the request until the proxy closes.
        if (answer.kind === 'hang') return;
        res.writeHead(answer.status, { 'content-type': answer.contentType }).end(answer.body);
        return;
      }
      const reply = resolveFixture(url);
      res.writeHead(reply.status, { 'content-type': reply.contentType }).end(reply.body);
    });
  });

  const proxy = http.createServer((_req, res) => res.writeHead(403).end());
  proxy.on('connect', (req: http.IncomingMessage, socket: net.Socket, head: Buffer) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    const host = (req.url ?? '').replace(/:\d+$/, '');
    if (!isIntacctHost(host)) {
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
    if (head.length > 0) socket.unshift(head);
    const secure = new tls.TLSSocket(socket, { isServer: true, key, cert });
    secure.on('error', () => socket.destroy());
    demo.emit('connection', secure);
  });

  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const address = proxy.address() as net.AddressInfo;
  return {
    port: address.port,
    requests,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => proxy.close(() => resolve()));
    },
  };
}
