/**
 * A time-stamping authority client for PAdES B-T. Given the CMS signature value it returns an
 * RFC 3161 TimeStampToken (a DER ContentInfo) whose message imprint is the SHA-256 of that value;
 * the signer stores it as the unsigned attribute id-aa-signatureTimeStampToken.
 */
export interface Timestamper {
  timestamp(signatureValue: Buffer): Promise<Buffer>;
}
