// Unary gRPC calls over HTTP/2 on a unix socket, with node:http2 only: a request is one
// length-prefixed message, the answer one message plus the `grpc-status` trailer.
import http2 from 'node:http2';
import net from 'node:net';
import type { UnaryCaller } from './cri.js';

export class GrpcError extends Error {
  constructor(
    readonly code: number,
    readonly details: string,
  ) {
    super(`gRPC status ${code}: ${details}`);
  }
}

function decodeMessage(raw: string): string {
  // grpc-message is percent-encoded; fall back to the raw text if it is not valid encoding.
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

export class GrpcUnixClient implements UnaryCaller {
  private session: http2.ClientHttp2Session | undefined;

  constructor(private readonly socketPath: string) {}

  private connect(): http2.ClientHttp2Session {
    if (this.session && !this.session.closed && !this.session.destroyed) return this.session;
    const session = http2.connect('http://localhost', { createConnection: () => net.connect(this.socketPath) });
    // Connection errors reach each pending call through its stream; keep them off the process.
    session.on('error', () => {});
    this.session = session;
    return session;
  }

  call(path: string, request: Uint8Array, timeoutMs: number): Promise<Uint8Array> {
    return new Promise((resolve, reject) => {
      let settled = false;
      const settle = (fn: () => void): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        fn();
      };
      let session: http2.ClientHttp2Session;
      try {
        session = this.connect();
      } catch (error) {
        reject(error);
        return;
      }
      const stream = session.request({
        ':method': 'POST',
        ':path': path,
        'content-type': 'application/grpc',
        te: 'trailers',
        'grpc-timeout': `${timeoutMs}m`,
      });
      const timer = setTimeout(() => {
        settle(() => reject(new GrpcError(4, `${path}: no answer within ${timeoutMs} ms`)));
        stream.close(http2.constants.NGHTTP2_CANCEL);
      }, timeoutMs + 1000);
      const chunks: Buffer[] = [];
      let status: string | undefined;
      let message = '';
      const readStatus = (headers: http2.IncomingHttpHeaders): void => {
        const value = headers['grpc-status'];
        if (value === undefined) return;
        status = String(value);
        message = decodeMessage(String(headers['grpc-message'] ?? ''));
      };
      stream.on('response', readStatus);
      stream.on('trailers', readStatus);
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('error', (error) => settle(() => reject(error)));
      stream.on('close', () => {
        settle(() => {
          if (status === undefined) {
            reject(new GrpcError(2, `${path}: the answer carried no gRPC status`));
            return;
          }
          if (status !== '0') {
            reject(new GrpcError(Number(status), message));
            return;
          }
          const body = Buffer.concat(chunks);
          if (body.length < 5) {
            resolve(new Uint8Array());
            return;
          }
          if (body[0] !== 0) {
            reject(new GrpcError(12, `${path}: compressed answers are not supported`));
            return;
          }
          const length = body.readUInt32BE(1);
          resolve(new Uint8Array(body.subarray(5, 5 + length)));
        });
      });
      const frame = Buffer.alloc(5 + request.length);
      frame.writeUInt32BE(request.length, 1);
      frame.set(request, 5);
      stream.end(frame);
    });
  }

  close(): void {
    this.session?.close();
    this.session = undefined;
  }
}
