import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FaultProxy {
  /** Point `AWS_ENDPOINT_URL` here instead of at moto. */
  endpoint: string;
  /** The role ARNs whose AssumeRole the proxy denied, in order. */
  denied: string[];
  stop(): Promise<void>;
}

/** An STS AccessDenied as AWS sends it: query-protocol XML `ErrorResponse`, HTTP 403. */
const accessDenied = (roleArn: string) =>
  `<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
  <Error>
    <Type>Sender</Type>
    <Code>AccessDenied</Code>
    <Message>User: arn:aws:iam::123456789012:user/scanner is not authorized to perform: sts:AssumeRole on resource: ${roleArn}</Message>
  </Error>
  <RequestId>4e3f8a52-0000-4000-8000-000000000403</RequestId>
</ErrorResponse>
`;

/**
 * A loopback HTTP proxy in front of moto that answers `sts:AssumeRole` of the roles `denyRole` picks with
 * AccessDenied (moto itself does not check that a role exists or trusts the caller) and forwards everything else
 * unchanged. Minimal on purpose: one fault, no throttling.
 */
export async function startFaultProxy(target: string, denyRole: (roleArn: string) => boolean): Promise<FaultProxy> {
  const upstream = new URL(target);
  const denied: string[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const form = new URLSearchParams(
        (req.headers['content-type'] ?? '').includes('x-www-form-urlencoded') ? body.toString('utf8') : '',
      );
      const roleArn = form.get('RoleArn');
      if (form.get('Action') === 'AssumeRole' && roleArn && denyRole(roleArn)) {
        denied.push(roleArn);
        res.writeHead(403, { 'content-type': 'text/xml' }).end(accessDenied(roleArn));
        return;
      }
      const forward = request(
        {
          host: upstream.hostname,
          port: upstream.port,
          method: req.method,
          path: req.url,
          // The Host header stays the proxy's: it is part of the request's signature.
          headers: req.headers,
        },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      forward.on('error', (error) => res.writeHead(502).end(String(error)));
      forward.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    denied,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
