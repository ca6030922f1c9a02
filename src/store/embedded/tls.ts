import { generate } from 'selfsigned';

/** A certificate made at start for the embedded server, trusted only by this process's Cosmos client agent. */
export interface LoopbackCertificate {
  readonly cert: string;
  readonly key: string;
}

/**
 * Makes a short-lived certificate for 127.0.0.1. The server package's own certificate has expired,
 * so instead of switching TLS checks off we make a fresh one and pin it as the client's only CA.
 */
export async function createLoopbackCertificate(): Promise<LoopbackCertificate> {
  const notBeforeDate = new Date(Date.now() - 60_000);
  const notAfterDate = new Date(Date.now() + 30 * 24 * 3600_000);
  const pems = await generate([{ name: 'commonName', value: 'deskmate-embedded-cosmos' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate,
    notAfterDate,
    extensions: [
      { name: 'basicConstraints', cA: true },
      { name: 'keyUsage', digitalSignature: true, keyCertSign: true },
      { name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }] },
    ],
  });
  return { cert: pems.cert, key: pems.private };
}
