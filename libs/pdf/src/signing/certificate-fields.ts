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

/** The parts of an X.509 certificate that CMS signatures copy, as slices of the certificate's own bytes. */
export interface CertificateFields {
  /** The issuer Name exactly as encoded in the certificate (never re-encoded). */
  readonly issuerNameDer: Buffer;
  /** The subject Name exactly as encoded in the certificate. */
  readonly subjectNameDer: Buffer;
  /** The content octets of the serialNumber INTEGER, as encoded (two's complement, big-endian). */
  readonly serialNumber: Buffer;
  readonly subjectCommonName: string | null;
  readonly subjectOrganisation: string | null;
}

/** Reads the issuer, subject and serial number of a DER certificate; throws DerError on anything else. */
export function readCertificateFields(certificateDer: Buffer): CertificateFields {
  const certificate = expectElement(certificateDer, 0, certificateDer.length, DerTag.Sequence);
  if (certificate.end !== certificateDer.length) {
    throw new DerError('trailing bytes after the certificate');
  }
  const [tbs] = childrenOf(certificateDer, certificate);
  if (tbs?.tag !== DerTag.Sequence) {
    throw new DerError('certificate without tbsCertificate');
  }
  const fields = childrenOf(certificateDer, tbs);
  // The version is an optional explicit [0]; v1 certificates omit it.
  const first = fields[0]?.tag === contextTag(0) ? 1 : 0;
  const serial = fields[first];
  const issuer = fields[first + 2];
  const subject = fields[first + 4];
  if (serial?.tag !== DerTag.Integer || issuer?.tag !== DerTag.Sequence || subject?.tag !== DerTag.Sequence) {
    throw new DerError('unexpected tbsCertificate layout');
  }
  return {
    issuerNameDer: encodingOf(certificateDer, issuer),
    subjectNameDer: encodingOf(certificateDer, subject),
    serialNumber: contentOf(certificateDer, serial),
    subjectCommonName: readNameAttribute(certificateDer, subject, Oid.commonName),
    subjectOrganisation: readNameAttribute(certificateDer, subject, Oid.organisationName),
  };
}

/** The serial number as unsigned upper-case hex, the way certificate viewers print it. */
export function serialNumberHex(serialNumber: Buffer): string {
  const hex = serialNumber
    .toString('hex')
    .toUpperCase()
    .replace(/^(?:00)+(?=.)/, '');
  return hex.length % 2 === 0 ? hex : `0${hex}`;
}

/** The first value of an attribute type in a Name (SEQUENCE OF RDN SET OF AttributeTypeAndValue). */
function readNameAttribute(buf: Buffer, name: DerElement, oid: string): string | null {
  for (const rdn of childrenOf(buf, name)) {
    for (const typeAndValue of childrenOf(buf, rdn)) {
      const [type, value] = childrenOf(buf, typeAndValue);
      if (type && value && decodeOid(buf, type) === oid) {
        return decodeDirectoryString(buf, value);
      }
    }
  }
  return null;
}

function decodeDirectoryString(buf: Buffer, element: DerElement): string {
  const content = contentOf(buf, element);
  switch (element.tag) {
    case DerTag.Utf8String:
      return content.toString('utf8');
    case DerTag.BmpString:
      if (content.length % 2 !== 0) {
        throw new DerError('BMPString of odd length');
      }
      return Buffer.from(content).swap16().toString('utf16le');
    case DerTag.UniversalString: {
      const codePoints: number[] = [];
      for (let i = 0; i + 3 < content.length; i += 4) {
        const codePoint = content.readUInt32BE(i);
        const valid = codePoint <= 0x10ffff && (codePoint < 0xd800 || codePoint > 0xdfff);
        codePoints.push(valid ? codePoint : 0xfffd);
      }
      return String.fromCodePoint(...codePoints);
    }
    default:
      // PrintableString and IA5String are ASCII; TeletexString is in practice Latin-1.
      return content.toString('latin1');
  }
}
