import { X509Certificate, type KeyObject } from 'node:crypto';
import { inspect } from 'node:util';

import { readCertificateFields, serialNumberHex } from './certificate-fields.js';
import { readPkcs12 } from './pkcs12-container.js';
import { signingErrors } from './signing-errors.js';

/** What an identity shows of itself in logs and JSON: everything but the private key. */
export interface SigningIdentitySummary {
  readonly commonName: string | null;
  readonly organisation: string | null;
  readonly serialNumberHex: string;
  readonly fingerprintSha256: string;
  readonly validFrom: string;
  readonly validTo: string;
  readonly chainLength: number;
}

/**
 * A signing certificate with its private key, parsed once and reused for every signature.
 * The key is kept in a private field, so spreading, `JSON.stringify` and `util.inspect` never
 * show it; only the `privateKey` getter hands it out.
 */
export class SigningIdentity {
  /** The signer's certificate, DER, exactly as it was in the PKCS#12. */
  readonly certificateDer: Buffer;
  /** The other certificates of the PKCS#12 (issuing CAs), DER, in the order they were stored. */
  readonly chainDer: readonly Buffer[];
  /** The certificate's issuer Name, the original DER bytes sliced out of the certificate. */
  readonly issuerNameDer: Buffer;
  /** The content octets of the certificate's serialNumber INTEGER, as encoded. */
  readonly serialNumber: Buffer;
  readonly serialNumberHex: string;
  readonly commonName: string | null;
  readonly organisation: string | null;
  /** SHA-256 of the certificate, upper-case hex pairs separated by colons. */
  readonly fingerprintSha256: string;
  readonly validFrom: Date;
  readonly validTo: Date;
  readonly #privateKey: KeyObject;

  constructor(certificateDer: Buffer, chainDer: readonly Buffer[], privateKey: KeyObject) {
    const certificate = new X509Certificate(certificateDer);
    const fields = readCertificateFields(certificateDer);
    this.certificateDer = certificateDer;
    this.chainDer = chainDer;
    this.issuerNameDer = fields.issuerNameDer;
    this.serialNumber = fields.serialNumber;
    this.serialNumberHex = serialNumberHex(fields.serialNumber);
    this.commonName = fields.subjectCommonName;
    this.organisation = fields.subjectOrganisation;
    this.fingerprintSha256 = certificate.fingerprint256;
    this.validFrom = new Date(certificate.validFrom);
    this.validTo = new Date(certificate.validTo);
    this.#privateKey = privateKey;
  }

  /** The private key, for the signer only. */
  get privateKey(): KeyObject {
    return this.#privateKey;
  }

  /** A description without key material. */
  summary(): SigningIdentitySummary {
    return {
      commonName: this.commonName,
      organisation: this.organisation,
      serialNumberHex: this.serialNumberHex,
      fingerprintSha256: this.fingerprintSha256,
      validFrom: this.validFrom.toISOString(),
      validTo: this.validTo.toISOString(),
      chainLength: this.chainDer.length,
    };
  }

  toJSON(): SigningIdentitySummary {
    return this.summary();
  }

  [inspect.custom](): string {
    return `SigningIdentity ${inspect(this.summary())}`;
  }
}

/**
 * Parses a PKCS#12 (.p12/.pfx) once into a reusable signing identity. The signer certificate is
 * the one whose public key matches the private key; the other certificates become the chain.
 * Only RSA keys are supported. Throws SigningError `signing.pkcs12_unreadable` for a wrong
 * passphrase or a damaged file, and `signing.unsupported_key` for a key that is not RSA.
 */
export function loadSigningIdentity(p12: Buffer, passphrase: string): SigningIdentity {
  const { privateKey, certificateDer, chainDer } = readPkcs12(p12, passphrase);
  if (privateKey.asymmetricKeyType !== 'rsa') {
    throw signingErrors.unsupportedKey(privateKey.asymmetricKeyType ?? 'okänd');
  }
  try {
    return new SigningIdentity(certificateDer, chainDer, privateKey);
  } catch (error) {
    throw signingErrors.pkcs12Unreadable(error instanceof Error ? error.message : String(error));
  }
}
