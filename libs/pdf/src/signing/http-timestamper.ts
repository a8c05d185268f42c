import { createHash, randomBytes } from 'node:crypto';

import {
  childrenOf,
  contentOf,
  contextTag,
  decodeOid,
  DerTag,
  encodeElement,
  encodeOctetString,
  encodeOid,
  encodeSequence,
  encodeSmallInteger,
  encodingOf,
  expectElement,
  type DerElement,
} from './der.js';
import { Oid } from './object-identifiers.js';
import { signingErrors } from './signing-errors.js';
import type { Timestamper } from './timestamper.js';

/** How to reach a time-stamping authority. */
export interface HttpTimestamperOptions {
  /** Give up after this long; 10 s when left out. */
  readonly timeoutMs?: number;
  /** A TSA policy to ask for (dotted OID); the TSA's default when left out. */
  readonly policyOid?: string;
  /** Extra request headers, e.g. an Authorization header some TSAs want. */
  readonly headers?: Readonly<Record<string, string>>;
}

/**
 * An RFC 3161 client over HTTP (POST application/timestamp-query). It asks for the TSA's
 * certificate to be included, sends a nonce, and accepts the token only if its message imprint
 * and nonce are the ones it asked for. Failures throw SigningError `signing.timestamp_failed`.
 */
export function createHttpTimestamper(url: string | URL, options: HttpTimestamperOptions = {}): Timestamper {
  return {
    async timestamp(signatureValue: Buffer): Promise<Buffer> {
      const imprint = createHash('sha256').update(signatureValue).digest();
      const nonce = randomNonce();
      let reply: Buffer;
      try {
        const response = await fetch(url, {
          method: 'POST',
          headers: { ...options.headers, 'content-type': 'application/timestamp-query' },
          body: encodeTimeStampRequest(imprint, nonce, options.policyOid),
          signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
        });
        if (!response.ok) {
          throw new Error(`HTTP ${response.status}`);
        }
        reply = Buffer.from(await response.arrayBuffer());
      } catch (error) {
        throw signingErrors.timestampFailed(error instanceof Error ? error.message : String(error));
      }
      try {
        return readTimeStampResponse(reply, imprint, nonce);
      } catch (error) {
        throw signingErrors.timestampFailed(error instanceof Error ? error.message : String(error));
      }
    },
  };
}

function randomNonce(): Buffer {
  const nonce = randomBytes(8);
  nonce.writeUInt8((nonce.readUInt8(0) & 0x7f) | 0x01, 0); // positive, and no leading zero octet to strip
  return nonce;
}

/** TimeStampReq ::= SEQUENCE { version, messageImprint, reqPolicy?, nonce?, certReq } */
function encodeTimeStampRequest(imprint: Buffer, nonce: Buffer, policyOid: string | undefined): Buffer {
  return encodeSequence(
    encodeSmallInteger(1),
    encodeSequence(encodeSequence(encodeOid(Oid.sha256)), encodeOctetString(imprint)),
    ...(policyOid ? [encodeOid(policyOid)] : []),
    encodeElement(DerTag.Integer, nonce),
    encodeElement(DerTag.Boolean, Buffer.from([0xff])),
  );
}

/** Checks a TimeStampResp and returns its token, the ContentInfo to embed, as sent. */
function readTimeStampResponse(reply: Buffer, imprint: Buffer, nonce: Buffer): Buffer {
  const [statusInfo, token] = childrenOf(reply, expectElement(reply, 0, reply.length, DerTag.Sequence));
  const status = statusInfo && childrenOf(reply, statusInfo)[0];
  const statusValue = status?.tag === DerTag.Integer ? contentOf(reply, status).readUIntBE(0, 1) : -1;
  // 0 granted, 1 granted with modifications; everything else carries no token.
  if ((statusValue !== 0 && statusValue !== 1) || !token) {
    throw new Error(`the TSA refused the request (PKIStatus ${statusValue})`);
  }
  const tstInfo = readTstInfo(reply, token);
  const [, , messageImprint, ...rest] = childrenOf(reply, tstInfo);
  const [algorithm, hashedMessage] = messageImprint ? childrenOf(reply, messageImprint) : [];
  const algorithmOid = algorithm && childrenOf(reply, algorithm)[0];
  if (
    !algorithmOid ||
    !hashedMessage ||
    decodeOid(reply, algorithmOid) !== Oid.sha256 ||
    !contentOf(reply, hashedMessage).equals(imprint)
  ) {
    throw new Error('the token is not over this signature');
  }
  // The nonce is the only INTEGER after genTime in TSTInfo (serialNumber comes before it).
  const returnedNonce = rest.slice(2).find((element) => element.tag === DerTag.Integer);
  if (!returnedNonce || !contentOf(reply, returnedNonce).equals(nonce)) {
    throw new Error('the token does not carry the nonce that was sent');
  }
  return Buffer.from(encodingOf(reply, token));
}

/** ContentInfo → [0] SignedData → encapContentInfo → [0] OCTET STRING → TSTInfo. */
function readTstInfo(buf: Buffer, token: DerElement): DerElement {
  const [contentType, explicitContent] = childrenOf(buf, token);
  if (!contentType || decodeOid(buf, contentType) !== Oid.signedData || explicitContent?.tag !== contextTag(0)) {
    throw new Error('the token is not a CMS SignedData');
  }
  const signedData = childrenOf(buf, explicitContent)[0];
  const encapsulated = signedData && childrenOf(buf, signedData)[2];
  const [eContentType, eContent] = encapsulated ? childrenOf(buf, encapsulated) : [];
  if (!eContentType || decodeOid(buf, eContentType) !== Oid.tstInfo || eContent?.tag !== contextTag(0)) {
    throw new Error('the token does not contain a TSTInfo');
  }
  const octets = expectElement(buf, eContent.contentStart, eContent.end, DerTag.OctetString);
  return expectElement(buf, octets.contentStart, octets.end, DerTag.Sequence);
}
