import { createHash, verify, X509Certificate } from 'node:crypto';

import { readCertificateFields, serialNumberHex, type CertificateFields } from './certificate-fields.js';
import { readCmsSignature, type CmsSignatureParts } from './cms-signature-reader.js';
import { childrenOf, contentOf, contextTag, decodeOid, DerTag, encodingOf, expectElement } from './der.js';
import { hashNameForOid, Oid } from './object-identifiers.js';
import { findLastSignatureDictionary, type SignatureDictionaryProblem } from './signature-dictionary.js';

/** Why a signature that is there cannot be checked. */
export type MalformedSignatureProblem =
  SignatureDictionaryProblem | 'cms_unreadable' | 'signer_certificate_missing' | 'signer_certificate_unreadable';

/** How the ESS signing-certificate-v2 attribute relates to the embedded signer certificate. */
export type SigningCertificateCheck =
  /** Its hash (and issuer and serial, when given) name the embedded signer certificate. */
  'matches' | 'mismatch' | 'absent';

/** The embedded certificate that made the signature. */
export interface SignerCertificate {
  readonly certificateDer: Buffer;
  /** SHA-256 of the certificate, upper-case hex pairs separated by colons. */
  readonly fingerprintSha256: string;
  readonly commonName: string | null;
  readonly organisation: string | null;
  readonly serialNumberHex: string;
  readonly validFrom: Date;
  readonly validTo: Date;
}

/** The PDF has no signature dictionary. */
export interface NoSignature {
  readonly status: 'none';
}

/** There is a signature dictionary, but it or its CMS cannot be read. */
export interface MalformedSignature {
  readonly status: 'malformed';
  readonly problem: MalformedSignatureProblem;
}

/** A readable signature and the result of each check on it. */
export interface InspectedSignature {
  readonly status: 'signed';
  readonly subFilter: string | null;
  readonly byteRange: readonly [number, number, number, number];
  /** ByteRange starts at 0, its second range ends at the end of the file, and the hole is just Contents. */
  readonly coversWholeFile: boolean;
  /** Dotted OID of the SignerInfo's digest algorithm. */
  readonly digestAlgorithmOid: string;
  /** The message-digest attribute equals the hash of the bytes the ByteRange covers. */
  readonly digestMatches: boolean;
  /** The signature over the signed attributes verifies with the signer certificate's public key. */
  readonly signatureVerifies: boolean;
  readonly signingCertificateV2: SigningCertificateCheck;
  /** A CMS signing-time attribute is present, which PAdES baseline does not allow. */
  readonly signingTimeAttributePresent: boolean;
  /** An RFC 3161 signature time-stamp token is attached (PAdES B-T). */
  readonly timestampTokenPresent: boolean;
  /** The time the signer claims, from the signature dictionary's `M`. */
  readonly claimedSigningTime: Date | null;
  readonly signer: SignerCertificate;
  /**
   * Every integrity check passed: whole file covered, digest, signature and signing-certificate-v2.
   * This says nothing about whether the certificate is trusted; that is the caller's decision.
   */
  readonly intact: boolean;
}

/** What `inspectPdfSignature` found. */
export type SignatureInspection = NoSignature | MalformedSignature | InspectedSignature;

/**
 * Finds the last signature of a PDF and checks it: ByteRange coverage, message digest, signature
 * value and ESS signing-certificate-v2, plus what PAdES asks of the dictionary and attributes.
 * Trust in the certificate is not judged here. Never throws: bytes that are not a signed PDF
 * give `none` or `malformed`.
 */
export function inspectPdfSignature(pdf: Buffer): SignatureInspection {
  try {
    return inspect(pdf);
  } catch {
    // Every parser below reports malformed input itself; this is the promise not to throw.
    return { status: 'malformed', problem: 'cms_unreadable' };
  }
}

function inspect(pdf: Buffer): SignatureInspection {
  const lookup = findLastSignatureDictionary(pdf);
  if (!lookup.found) {
    return { status: 'none' };
  }
  if (lookup.problem !== null) {
    return { status: 'malformed', problem: lookup.problem };
  }
  const { byteRange, contents, subFilter, claimedSigningTime } = lookup.dictionary;

  let cms: CmsSignatureParts;
  try {
    cms = readCmsSignature(contents);
  } catch {
    return { status: 'malformed', problem: 'cms_unreadable' };
  }
  const signer = findSignerCertificate(cms);
  if (!signer) {
    return { status: 'malformed', problem: 'signer_certificate_missing' };
  }
  let x509: X509Certificate;
  let fields: CertificateFields;
  try {
    x509 = new X509Certificate(signer);
    fields = readCertificateFields(signer);
  } catch {
    return { status: 'malformed', problem: 'signer_certificate_unreadable' };
  }

  const [start1, length1, start2, length2] = byteRange;
  const signedBytes = [pdf.subarray(start1, start1 + length1), pdf.subarray(start2, start2 + length2)];
  const coversWholeFile = start1 === 0 && start2 + length2 === pdf.length;
  const digestMatches = checkMessageDigest(cms, signedBytes);
  const signatureVerifies = checkSignature(cms, x509, signedBytes);
  const signingCertificateV2 = checkSigningCertificateV2(cms, signer, fields);

  return {
    status: 'signed',
    subFilter,
    byteRange,
    coversWholeFile,
    digestAlgorithmOid: cms.digestAlgorithmOid,
    digestMatches,
    signatureVerifies,
    signingCertificateV2,
    signingTimeAttributePresent: cms.signedAttributeValues.has(Oid.signingTimeAttribute),
    timestampTokenPresent: cms.unsignedAttributeTypes.includes(Oid.signatureTimeStampTokenAttribute),
    claimedSigningTime,
    signer: {
      certificateDer: signer,
      fingerprintSha256: x509.fingerprint256,
      commonName: fields.subjectCommonName,
      organisation: fields.subjectOrganisation,
      serialNumberHex: serialNumberHex(fields.serialNumber),
      validFrom: new Date(x509.validFrom),
      validTo: new Date(x509.validTo),
    },
    intact: coversWholeFile && digestMatches && signatureVerifies && signingCertificateV2 === 'matches',
  };
}

function findSignerCertificate(cms: CmsSignatureParts): Buffer | undefined {
  const sid = cms.signerIdentifier;
  if (sid.kind === 'subjectKeyIdentifier') {
    // Rare in PDF signatures; the certificate that verifies the signature is the signer's.
    return (
      cms.certificates.find((certificate) => {
        try {
          return verifySignatureWith(cms, new X509Certificate(certificate), null);
        } catch {
          return false;
        }
      }) ?? cms.certificates[0]
    );
  }
  return cms.certificates.find((certificate) => {
    try {
      const fields = readCertificateFields(certificate);
      return fields.issuerNameDer.equals(sid.issuerNameDer) && fields.serialNumber.equals(sid.serialNumber);
    } catch {
      return false;
    }
  });
}

function digestOf(hashName: string, parts: readonly Buffer[]): Buffer {
  const hash = createHash(hashName);
  for (const part of parts) {
    hash.update(part);
  }
  return hash.digest();
}

function checkMessageDigest(cms: CmsSignatureParts, signedBytes: readonly Buffer[]): boolean {
  const hashName = hashNameForOid(cms.digestAlgorithmOid);
  // Without signed attributes (old adbe.pkcs7.detached) there is no message digest to match; such
  // a signature can still verify over the content, but it is not a PAdES signature.
  const value = cms.signedAttributeValues.get(Oid.messageDigestAttribute)?.[0];
  if (!hashName || !value) {
    return false;
  }
  const digest = expectElement(value, 0, value.length, DerTag.OctetString);
  return contentOf(value, digest).equals(digestOf(hashName, signedBytes));
}

function checkSignature(cms: CmsSignatureParts, certificate: X509Certificate, signedBytes: readonly Buffer[]): boolean {
  try {
    return verifySignatureWith(cms, certificate, signedBytes);
  } catch {
    return false;
  }
}

/** Verifies the SignerInfo signature; over the signed attributes, or over the content when there are none. */
function verifySignatureWith(
  cms: CmsSignatureParts,
  certificate: X509Certificate,
  signedBytes: readonly Buffer[] | null,
): boolean {
  const hashName = signatureHashName(cms);
  const data = cms.signedAttributes ?? (signedBytes ? Buffer.concat(signedBytes) : null);
  if (!hashName || !data) {
    return false;
  }
  return verify(hashName, data, certificate.publicKey, cms.signatureValue);
}

function signatureHashName(cms: CmsSignatureParts): string | null {
  switch (cms.signatureAlgorithmOid) {
    case Oid.rsaEncryption:
      return hashNameForOid(cms.digestAlgorithmOid);
    case Oid.sha1WithRsaEncryption:
      return 'sha1';
    case Oid.sha256WithRsaEncryption:
    case Oid.ecdsaWithSha256:
      return 'sha256';
    case Oid.sha384WithRsaEncryption:
    case Oid.ecdsaWithSha384:
      return 'sha384';
    case Oid.sha512WithRsaEncryption:
    case Oid.ecdsaWithSha512:
      return 'sha512';
    default:
      // RSASSA-PSS and others need parameters this inspection does not read.
      return null;
  }
}

/**
 * SigningCertificateV2 ::= SEQUENCE { certs SEQUENCE OF ESSCertIDv2, ... }
 * ESSCertIDv2 ::= SEQUENCE { hashAlgorithm DEFAULT sha256, certHash OCTET STRING, issuerSerial OPTIONAL }
 * The issuer in issuerSerial is compared byte for byte: a re-encoded Swedish issuer name fails here.
 */
function checkSigningCertificateV2(
  cms: CmsSignatureParts,
  certificateDer: Buffer,
  fields: CertificateFields,
): SigningCertificateCheck {
  const value = cms.signedAttributeValues.get(Oid.signingCertificateV2Attribute)?.[0];
  if (!value) {
    return 'absent';
  }
  try {
    const [certs] = childrenOf(value, expectElement(value, 0, value.length, DerTag.Sequence));
    const essCertId = certs && childrenOf(value, certs)[0];
    const parts = essCertId ? childrenOf(value, essCertId) : [];
    const algorithm = parts[0]?.tag === DerTag.Sequence ? parts.shift() : undefined;
    const [certHash, issuerSerial] = parts;
    const algorithmOid = algorithm ? childrenOf(value, algorithm)[0] : undefined;
    const hashName = algorithmOid ? hashNameForOid(decodeOid(value, algorithmOid)) : 'sha256';
    if (!hashName || certHash?.tag !== DerTag.OctetString) {
      return 'mismatch';
    }
    if (!contentOf(value, certHash).equals(digestOf(hashName, [certificateDer]))) {
      return 'mismatch';
    }
    if (!issuerSerial) {
      return 'matches';
    }
    const [generalNames, serial] = childrenOf(value, issuerSerial);
    const directoryName = generalNames && childrenOf(value, generalNames)[0];
    const name = directoryName?.tag === contextTag(4) ? childrenOf(value, directoryName)[0] : undefined;
    const issuerMatches = name !== undefined && encodingOf(value, name).equals(fields.issuerNameDer);
    const serialMatches = serial?.tag === DerTag.Integer && contentOf(value, serial).equals(fields.serialNumber);
    return issuerMatches && serialMatches ? 'matches' : 'mismatch';
  } catch {
    return 'mismatch';
  }
}
