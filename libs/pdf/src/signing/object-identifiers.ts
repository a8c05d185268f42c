/** The object identifiers CMS, ESS, RFC 3161 and X.509 names use here, in dotted form. */
export const Oid = {
  /** id-data: the content type of a detached PDF signature (RFC 5652). */
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  /** id-ct-TSTInfo: the content of an RFC 3161 time-stamp token. */
  tstInfo: '1.2.840.113549.1.9.16.1.4',

  contentTypeAttribute: '1.2.840.113549.1.9.3',
  messageDigestAttribute: '1.2.840.113549.1.9.4',
  /** A CMS signing-time attribute; PAdES baseline forbids it (the time belongs in the dictionary's M). */
  signingTimeAttribute: '1.2.840.113549.1.9.5',
  /** ESS signing-certificate (SHA-1, RFC 2634). */
  signingCertificateAttribute: '1.2.840.113549.1.9.16.2.12',
  /** ESS signing-certificate-v2 (RFC 5035). */
  signingCertificateV2Attribute: '1.2.840.113549.1.9.16.2.47',
  /** id-aa-signatureTimeStampToken: an RFC 3161 token over the signature value (PAdES B-T). */
  signatureTimeStampTokenAttribute: '1.2.840.113549.1.9.16.2.14',

  sha1: '1.3.14.3.2.26',
  sha256: '2.16.840.1.101.3.4.2.1',
  sha384: '2.16.840.1.101.3.4.2.2',
  sha512: '2.16.840.1.101.3.4.2.3',

  rsaEncryption: '1.2.840.113549.1.1.1',
  sha1WithRsaEncryption: '1.2.840.113549.1.1.5',
  sha256WithRsaEncryption: '1.2.840.113549.1.1.11',
  sha384WithRsaEncryption: '1.2.840.113549.1.1.12',
  sha512WithRsaEncryption: '1.2.840.113549.1.1.13',
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
  ecdsaWithSha384: '1.2.840.10045.4.3.3',
  ecdsaWithSha512: '1.2.840.10045.4.3.4',

  commonName: '2.5.4.3',
  organisationName: '2.5.4.10',
} as const;

/** Node's hash name for a digest algorithm identifier, or null for one this library does not check. */
export function hashNameForOid(oid: string): 'sha1' | 'sha256' | 'sha384' | 'sha512' | null {
  switch (oid) {
    case Oid.sha1:
      return 'sha1';
    case Oid.sha256:
      return 'sha256';
    case Oid.sha384:
      return 'sha384';
    case Oid.sha512:
      return 'sha512';
    default:
      return null;
  }
}
