import { generateKeyPairSync, randomBytes, X509Certificate } from 'node:crypto';

import forge from 'node-forge';

/** What a development certificate is made for: the subject of the seal. */
export interface DevelopmentCertificateInput {
  /** The name the seal signs in, as readers see it (the CN), e.g. "Hägersten-Älvsjö stadsdelsförvaltning". */
  readonly commonName: string;
  /** The unit within the organisation that holds the seal (an extra OU), e.g. "Hägersten-Älvsjö stadsdelsförvaltning". */
  readonly organisationalUnit?: string | null;
  /** The organisation (the O), e.g. "Stockholms stad". */
  readonly organisation?: string | null;
  readonly validFrom: Date;
  /** Validity in years; 3 when left out. */
  readonly years?: number;
}

/** A self-signed development certificate, packed as a PKCS#12 the way a real one would be delivered. */
export interface DevelopmentCertificate {
  readonly p12: Buffer;
  /** The PKCS#12 passphrase, random per certificate. */
  readonly passphrase: string;
  readonly certificatePem: string;
  /** SHA-256 of the certificate, upper-case hex pairs separated by colons. */
  readonly fingerprintSha256: string;
}

const DEVELOPMENT_NOTICE = 'Utvecklingscertifikat – inte för skarp användning';

/**
 * Creates a self-signed RSA 2048 certificate for signing PDFs in development and tests. The
 * subject says in its OU that it is not for production; names are UTF8Strings so å, ä and ö
 * survive.
 */
export function generateDevelopmentCertificate(input: DevelopmentCertificateInput): DevelopmentCertificate {
  // Node's key generation is native and takes milliseconds; forge's takes seconds.
  const { privateKey, publicKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
  });
  const forgePrivateKey = forge.pki.privateKeyFromPem(privateKey);
  const forgePublicKey = forge.pki.publicKeyFromPem(publicKey);

  const certificate = forge.pki.createCertificate();
  certificate.publicKey = forgePublicKey;
  certificate.serialNumber = randomSerialNumberHex();
  certificate.validity.notBefore = input.validFrom;
  certificate.validity.notAfter = addYears(input.validFrom, input.years ?? 3);

  // forge reads valueTagClass as the value's universal tag; its typings call it a Class.
  const utf8 = forge.asn1.Type.UTF8 as number as forge.asn1.Class;
  const subject: forge.pki.CertificateField[] = [
    { shortName: 'C', value: 'SE' },
    ...(input.organisation ? [{ shortName: 'O', value: input.organisation, valueTagClass: utf8 }] : []),
    ...(input.organisationalUnit ? [{ shortName: 'OU', value: input.organisationalUnit, valueTagClass: utf8 }] : []),
    { shortName: 'OU', value: DEVELOPMENT_NOTICE, valueTagClass: utf8 },
    { shortName: 'CN', value: input.commonName, valueTagClass: utf8 },
  ];
  certificate.setSubject(subject);
  certificate.setIssuer(subject);
  certificate.setExtensions([
    { name: 'basicConstraints', cA: false, critical: true },
    { name: 'keyUsage', digitalSignature: true, nonRepudiation: true, critical: true },
    // emailProtection rather than RFC 9336 documentSigning: Acrobat accepts both for PDF
    // signatures, but poppler (NSS) checks signers for the e-mail usage and reports a documentSigning
    // certificate as "Unknown issue with Certificate" instead of "Certificate issuer is unknown".
    { name: 'extKeyUsage', emailProtection: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  certificate.sign(forgePrivateKey, forge.md.sha256.create());

  const passphrase = randomBytes(18).toString('base64url');
  const p12 = forge.pkcs12.toPkcs12Asn1(forgePrivateKey, [certificate], passphrase, {
    algorithm: 'aes256',
    friendlyName: input.commonName,
    generateLocalKeyId: true,
  });
  const certificateDer = Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(certificate)).getBytes(), 'binary');

  return {
    p12: Buffer.from(forge.asn1.toDer(p12).getBytes(), 'binary'),
    passphrase,
    certificatePem: forge.pki.certificateToPem(certificate),
    fingerprintSha256: new X509Certificate(certificateDer).fingerprint256,
  };
}

/** 128 random bits, positive and without a leading zero octet, as forge wants it (hex). */
function randomSerialNumberHex(): string {
  const serial = randomBytes(16);
  serial.writeUInt8((serial.readUInt8(0) & 0x7f) | 0x40, 0);
  return serial.toString('hex');
}

function addYears(date: Date, years: number): Date {
  const result = new Date(date.getTime());
  result.setUTCFullYear(result.getUTCFullYear() + years);
  return result;
}
