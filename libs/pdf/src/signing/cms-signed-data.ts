import { createHash, sign } from 'node:crypto';

import {
  contextTag,
  DER_NULL,
  DerTag,
  encodeElement,
  encodeOctetString,
  encodeOid,
  encodeSequence,
  encodeSetOf,
  encodeSmallInteger,
} from './der.js';
import { Oid } from './object-identifiers.js';
import type { SigningIdentity } from './signing-identity.js';

/** What to sign: the content's type and SHA-256, and the content itself only when it is encapsulated. */
export interface CmsContent {
  /** Dotted OID of the content type: id-data for a PDF, id-ct-TSTInfo for a time-stamp token. */
  readonly contentType: string;
  /** SHA-256 of the content. */
  readonly digest: Buffer;
  /** Left out for a detached signature (PDF), given for an encapsulating one (time-stamp token). */
  readonly encapsulatedContent?: Buffer;
}

/** The signed attributes and the signature over them, before the SignedData is put together. */
export interface CmsSignature {
  /** The signed attributes as the SET OF that was signed (tag 0x31). */
  readonly signedAttributes: Buffer;
  /** The RSA signature value: what an RFC 3161 timestamp for PAdES B-T is taken over. */
  readonly signatureValue: Buffer;
}

/** One unsigned attribute: its type and already encoded values. */
export interface CmsAttribute {
  readonly type: string;
  readonly values: readonly Buffer[];
}

/** Everything about an identity that is the same in every signature, encoded once. */
interface IdentityEncodings {
  readonly signingCertificateV2: Buffer;
  readonly signerIdentifier: Buffer;
  readonly certificates: Buffer;
}

const SHA256_ALGORITHM = encodeSequence(encodeOid(Oid.sha256));
const RSA_ALGORITHM = encodeSequence(encodeOid(Oid.rsaEncryption), DER_NULL);
const CMS_VERSION_1 = encodeSmallInteger(1);
const encodingsByIdentity = new WeakMap<SigningIdentity, IdentityEncodings>();

/**
 * Computes the signed attributes and their RSA-SHA256 signature. The attributes are exactly
 * content-type, message-digest and ESS signing-certificate-v2, with no signing-time: PAdES
 * baseline puts the claimed time in the signature dictionary instead.
 */
export function signCmsAttributes(identity: SigningIdentity, content: CmsContent): CmsSignature {
  const signedAttributes = encodeSetOf([
    attribute(Oid.contentTypeAttribute, encodeOid(content.contentType)),
    attribute(Oid.messageDigestAttribute, encodeOctetString(content.digest)),
    encodingsFor(identity).signingCertificateV2,
  ]);
  return { signedAttributes, signatureValue: sign('sha256', signedAttributes, identity.privateKey) };
}

/** Puts a CMS ContentInfo with SignedData together from a signature and optional unsigned attributes. */
export function encodeSignedData(
  identity: SigningIdentity,
  content: CmsContent,
  signature: CmsSignature,
  unsignedAttributes: readonly CmsAttribute[] = [],
): Buffer {
  const encodings = encodingsFor(identity);
  const signerInfo = encodeSequence(
    CMS_VERSION_1,
    encodings.signerIdentifier,
    SHA256_ALGORITHM,
    // In the SignerInfo the signed attributes are [0] IMPLICIT: same content, context tag.
    Buffer.concat([Buffer.from([contextTag(0)]), signature.signedAttributes.subarray(1)]),
    RSA_ALGORITHM,
    encodeOctetString(signature.signatureValue),
    ...(unsignedAttributes.length > 0
      ? [
          encodeSetOf(
            unsignedAttributes.map((a) => attribute(a.type, ...a.values)),
            contextTag(1),
          ),
        ]
      : []),
  );
  const encapsulatedContentInfo = encodeSequence(
    encodeOid(content.contentType),
    ...(content.encapsulatedContent
      ? [encodeElement(contextTag(0), encodeOctetString(content.encapsulatedContent))]
      : []),
  );
  // Version 3 when the content is not id-data (RFC 5652 5.1), which is the case for TSTInfo.
  const version = content.contentType === Oid.data ? CMS_VERSION_1 : encodeSmallInteger(3);
  const signedData = encodeSequence(
    version,
    encodeSetOf([SHA256_ALGORITHM]),
    encapsulatedContentInfo,
    encodings.certificates,
    encodeSetOf([signerInfo]),
  );
  return encodeSequence(encodeOid(Oid.signedData), encodeElement(contextTag(0), signedData));
}

/** Signs in one step, for content that needs no timestamp. */
export function createCmsSignedData(identity: SigningIdentity, content: CmsContent): Buffer {
  return encodeSignedData(identity, content, signCmsAttributes(identity, content));
}

function attribute(type: string, ...values: readonly Buffer[]): Buffer {
  return encodeSequence(encodeOid(type), encodeSetOf(values));
}

function encodingsFor(identity: SigningIdentity): IdentityEncodings {
  let encodings = encodingsByIdentity.get(identity);
  if (!encodings) {
    encodings = encodeIdentity(identity);
    encodingsByIdentity.set(identity, encodings);
  }
  return encodings;
}

function encodeIdentity(identity: SigningIdentity): IdentityEncodings {
  // The issuer Name and serial go in exactly as they are in the certificate: a verifier matches
  // them byte for byte, and re-encoding a UTF8String name is what breaks Swedish certificates.
  const serialNumber = encodeElement(DerTag.Integer, identity.serialNumber);
  const issuerSerial = encodeSequence(
    // GeneralNames with one directoryName, [4] EXPLICIT Name.
    encodeSequence(encodeElement(contextTag(4), identity.issuerNameDer)),
    serialNumber,
  );
  const certificateHash = createHash('sha256').update(identity.certificateDer).digest();
  // ESSCertIDv2's hashAlgorithm DEFAULTs to SHA-256, and DER leaves out a default value.
  const essCertIdV2 = encodeSequence(encodeOctetString(certificateHash), issuerSerial);
  const signingCertificateV2 = encodeSequence(encodeSequence(essCertIdV2));
  return {
    signingCertificateV2: attribute(Oid.signingCertificateV2Attribute, signingCertificateV2),
    signerIdentifier: encodeSequence(identity.issuerNameDer, serialNumber),
    // Leaf first, then the chain, as readers expect; CMS does not require a DER-sorted order here.
    certificates: encodeElement(contextTag(0), identity.certificateDer, ...identity.chainDer),
  };
}
