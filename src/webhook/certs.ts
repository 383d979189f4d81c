// A CA and a serving certificate for the webhook's Service, for clusters without cert-manager. The keys
// come from Node's own crypto; node-forge writes the X.509 certificates.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import forge from 'node-forge';

export interface CertificateSet {
  caCert: string;
  caKey: string;
  cert: string;
  key: string;
  /** The DNS names the serving certificate is valid for. */
  names: string[];
}

export interface CertificateRequest {
  service: string;
  namespace: string;
  /** Validity in days (default 365). */
  days?: number;
  /** Extra DNS names or IP addresses for the serving certificate. */
  extraNames?: readonly string[];
  now?: Date;
}

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
const IPV4 = /^(\d{1,3}\.){3}\d{1,3}$/;

/** The names under which the API server reaches a Service (it connects to `<service>.<namespace>.svc`). */
export function serviceNames(service: string, namespace: string): string[] {
  for (const [what, value] of [
    ['--service', service],
    ['--namespace', namespace],
  ] as const) {
    if (!DNS_LABEL.test(value)) throw new Error(`${what}: "${value}" is not a DNS label (lower case, digits, -)`);
  }
  return [
    service,
    `${service}.${namespace}`,
    `${service}.${namespace}.svc`,
    `${service}.${namespace}.svc.cluster.local`,
  ];
}

function keyPair(): { privateKey: forge.pki.rsa.PrivateKey; publicKey: forge.pki.rsa.PublicKey; pem: string } {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const forgeKey = forge.pki.privateKeyFromPem(pem) as forge.pki.rsa.PrivateKey;
  return { privateKey: forgeKey, publicKey: forge.pki.setRsaPublicKey(forgeKey.n, forgeKey.e), pem };
}

function serial(): string {
  // Positive, 16 random bytes (RFC 5280 allows up to 20 octets).
  const bytes = randomBytes(16);
  bytes[0] = (bytes[0] ?? 0) & 0x7f;
  return bytes.toString('hex');
}

export function makeCertificates(request: CertificateRequest): CertificateSet {
  const names = [...serviceNames(request.service, request.namespace), ...(request.extraNames ?? [])];
  const now = request.now ?? new Date();
  const days = request.days ?? 365;
  const notBefore = new Date(now.getTime() - 5 * 60 * 1000); // clocks in a cluster differ a little
  const notAfter = new Date(now.getTime() + days * 24 * 60 * 60 * 1000);

  const ca = keyPair();
  const caCert = forge.pki.createCertificate();
  caCert.publicKey = ca.publicKey;
  caCert.serialNumber = serial();
  caCert.validity.notBefore = notBefore;
  caCert.validity.notAfter = notAfter;
  const caSubject = [{ name: 'commonName', value: `capdoctor webhook CA (${request.service}.${request.namespace})` }];
  caCert.setSubject(caSubject);
  caCert.setIssuer(caSubject);
  caCert.setExtensions([
    { name: 'basicConstraints', cA: true, pathLenConstraint: 0, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  caCert.sign(ca.privateKey, forge.md.sha256.create());

  const leaf = keyPair();
  const cert = forge.pki.createCertificate();
  cert.publicKey = leaf.publicKey;
  cert.serialNumber = serial();
  cert.validity.notBefore = notBefore;
  cert.validity.notAfter = notAfter;
  cert.setSubject([{ name: 'commonName', value: `${request.service}.${request.namespace}.svc` }]);
  cert.setIssuer(caSubject);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false, critical: true },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
    { name: 'extKeyUsage', serverAuth: true },
    {
      name: 'subjectAltName',
      altNames: names.map((name) => (IPV4.test(name) ? { type: 7, ip: name } : { type: 2, value: name })),
    },
    { name: 'subjectKeyIdentifier' },
    { name: 'authorityKeyIdentifier', keyIdentifier: caCert.generateSubjectKeyIdentifier().getBytes() },
  ]);
  cert.sign(ca.privateKey, forge.md.sha256.create());

  return {
    caCert: forge.pki.certificateToPem(caCert),
    caKey: ca.pem,
    cert: forge.pki.certificateToPem(cert),
    key: leaf.pem,
    names,
  };
}
