import {
  childrenOf,
  contentOf,
  contextTag,
  decodeOid,
  DerError,
  DerTag,
  encodingOf,
  expectElement,
  type DerElement,
} from './der.js';
import { Oid } from './object-identifiers.js';

/** The parts of a CMS SignedData (first SignerInfo) that a PDF signature check needs. */
export interface CmsSignatureParts {
  /** Every certificate in `certificates`, DER, as embedded. */
  readonly certificates: readonly Buffer[];
  readonly signerIdentifier:
    | { readonly kind: 'issuerAndSerialNumber'; readonly issuerNameDer: Buffer; readonly serialNumber: Buffer }
    | { readonly kind: 'subjectKeyIdentifier'; readonly keyIdentifier: Buffer };
  readonly digestAlgorithmOid: string;
  readonly signatureAlgorithmOid: string;
  readonly signatureValue: Buffer;
  /** The signed attributes as the SET OF that is signed (tag 0x31), or null when there are none. */
  readonly signedAttributes: Buffer | null;
  /** Signed attribute values by attribute type; each value is its whole DER encoding. */
  readonly signedAttributeValues: ReadonlyMap<string, readonly Buffer[]>;
  readonly unsignedAttributeTypes: readonly string[];
}

/** Reads a DER ContentInfo holding SignedData. Throws DerError on anything else. */
export function readCmsSignature(der: Buffer): CmsSignatureParts {
  const contentInfo = expectElement(der, 0, der.length, DerTag.Sequence);
  const [contentType, explicitContent] = childrenOf(der, contentInfo);
  if (!contentType || decodeOid(der, contentType) !== Oid.signedData || explicitContent?.tag !== contextTag(0)) {
    throw new DerError('not a CMS SignedData');
  }
  const signedData = expectElement(der, explicitContent.contentStart, explicitContent.end, DerTag.Sequence);
  const fields = childrenOf(der, signedData);
  const certificates = fields.find((field) => field.tag === contextTag(0));
  const signerInfos = fields.at(-1);
  const signerInfo = signerInfos?.tag === DerTag.Set ? childrenOf(der, signerInfos)[0] : undefined;
  if (signerInfo?.tag !== DerTag.Sequence) {
    throw new DerError('no SignerInfo');
  }
  return {
    certificates: certificates
      ? childrenOf(der, certificates)
          .filter((certificate) => certificate.tag === DerTag.Sequence)
          .map((certificate) => Buffer.from(encodingOf(der, certificate)))
      : [],
    ...readSignerInfo(der, signerInfo),
  };
}

function readSignerInfo(der: Buffer, signerInfo: DerElement): Omit<CmsSignatureParts, 'certificates'> {
  const [version, sid, digestAlgorithm, ...rest] = childrenOf(der, signerInfo);
  if (version?.tag !== DerTag.Integer || !sid || digestAlgorithm?.tag !== DerTag.Sequence) {
    throw new DerError('unexpected SignerInfo layout');
  }
  const signed = rest[0]?.tag === contextTag(0) ? rest.shift() : undefined;
  const [signatureAlgorithm, signatureValue, unsigned] = rest;
  if (signatureAlgorithm?.tag !== DerTag.Sequence || signatureValue?.tag !== DerTag.OctetString) {
    throw new DerError('unexpected SignerInfo layout');
  }
  return {
    signerIdentifier: readSignerIdentifier(der, sid),
    digestAlgorithmOid: algorithmOid(der, digestAlgorithm),
    signatureAlgorithmOid: algorithmOid(der, signatureAlgorithm),
    signatureValue: Buffer.from(contentOf(der, signatureValue)),
    // The signature is over the attributes with the SET OF tag, not the [0] IMPLICIT one.
    signedAttributes: signed
      ? Buffer.concat([Buffer.from([DerTag.Set]), der.subarray(signed.start + 1, signed.end)])
      : null,
    signedAttributeValues: signed ? readAttributes(der, signed) : new Map(),
    unsignedAttributeTypes:
      unsigned?.tag === contextTag(1) ? [...readAttributes(der, unsigned).keys()] : ([] as string[]),
  };
}

function readSignerIdentifier(der: Buffer, sid: DerElement): CmsSignatureParts['signerIdentifier'] {
  if (sid.tag === DerTag.Sequence) {
    const [issuer, serial] = childrenOf(der, sid);
    if (issuer?.tag !== DerTag.Sequence || serial?.tag !== DerTag.Integer) {
      throw new DerError('unexpected IssuerAndSerialNumber');
    }
    return {
      kind: 'issuerAndSerialNumber',
      issuerNameDer: Buffer.from(encodingOf(der, issuer)),
      serialNumber: Buffer.from(contentOf(der, serial)),
    };
  }
  if (sid.tag === (0x80 | 0)) {
    return { kind: 'subjectKeyIdentifier', keyIdentifier: Buffer.from(contentOf(der, sid)) };
  }
  throw new DerError('unexpected SignerIdentifier');
}

function algorithmOid(der: Buffer, algorithm: DerElement): string {
  const [oid] = childrenOf(der, algorithm);
  if (!oid) {
    throw new DerError('empty AlgorithmIdentifier');
  }
  return decodeOid(der, oid);
}

function readAttributes(der: Buffer, attributes: DerElement): Map<string, Buffer[]> {
  const byType = new Map<string, Buffer[]>();
  for (const attribute of childrenOf(der, attributes)) {
    const [type, values] = childrenOf(der, attribute);
    if (!type || values?.tag !== DerTag.Set) {
      throw new DerError('unexpected Attribute');
    }
    const list = byType.get(decodeOid(der, type)) ?? [];
    list.push(...childrenOf(der, values).map((value) => Buffer.from(encodingOf(der, value))));
    byType.set(decodeOid(der, type), list);
  }
  return byType;
}
