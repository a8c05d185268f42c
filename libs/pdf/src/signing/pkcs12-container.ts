import { createHmac, createPrivateKey, timingSafeEqual, X509Certificate, type KeyObject } from 'node:crypto';

import forge from 'node-forge';

import { childrenOf, contentOf, decodeOid, DerTag, expectElement } from './der.js';
import { hashNameForOid } from './object-identifiers.js';
import { SigningError, signingErrors } from './signing-errors.js';

/** The key and certificates of a PKCS#12, the signer certificate told apart from the chain. */
export interface Pkcs12Contents {
  readonly privateKey: KeyObject;
  /** The certificate whose public key belongs to the private key, DER as stored. */
  readonly certificateDer: Buffer;
  /** The other certificates, DER, in the order they were stored. */
  readonly chainDer: readonly Buffer[];
}

// PKCS#12 bag types (RFC 7292 §4.2).
const KEY_BAG = '1.2.840.113549.1.12.10.1.1';
const SHROUDED_KEY_BAG = '1.2.840.113549.1.12.10.1.2';
const CERT_BAG = '1.2.840.113549.1.12.10.1.3';

/**
 * Decrypts a PKCS#12 (.p12/.pfx) with node-forge and returns its key as a Node KeyObject and its
 * certificates as DER. Throws SigningError `signing.pkcs12_unreadable`.
 */
export function readPkcs12(p12: Buffer, passphrase: string): Pkcs12Contents {
  try {
    return readContents(openPfx(p12, passphrase));
  } catch (error) {
    if (error instanceof SigningError) {
      throw error;
    }
    throw signingErrors.pkcs12Unreadable(error instanceof Error ? error.message : String(error));
  }
}

function readContents(pfx: forge.pkcs12.Pkcs12Pfx): Pkcs12Contents {
  const privateKey = readPrivateKey(pfx);
  const certificates = (pfx.getBags({ bagType: CERT_BAG })[CERT_BAG] ?? []).map((bag) => {
    // forge keeps the parsed tbsCertificate and emits it again byte for byte; verifyExactBytes
    // below proves that for every certificate whose issuer is at hand.
    const asn1 = bag.cert ? forge.pki.certificateToAsn1(bag.cert) : bag.asn1;
    const der = Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary');
    return { der, x509: new X509Certificate(der) };
  });
  const leaf = certificates.find((certificate) => certificate.x509.checkPrivateKey(privateKey));
  if (!leaf) {
    throw signingErrors.pkcs12Unreadable('no certificate matches the private key');
  }
  const chain = certificates.filter((certificate) => certificate !== leaf);
  verifyExactBytes(
    leaf.x509,
    chain.map((certificate) => certificate.x509),
  );
  return { privateKey, certificateDer: leaf.der, chainDer: chain.map((certificate) => certificate.der) };
}

function openPfx(p12: Buffer, passphrase: string): forge.pkcs12.Pkcs12Pfx {
  // Non-strict: PKCS#12 files from Windows and some HSM tools use BER constructs.
  const parse = () => forge.asn1.fromDer(p12.toString('binary'), false);
  try {
    return forge.pkcs12.pkcs12FromAsn1(parse(), false, passphrase);
  } catch (error) {
    // PBES2 (what OpenSSL 3 writes) derives keys from the passphrase's UTF-8 bytes, but forge feeds
    // PBKDF2 the UTF-16 code units cut to one byte, so "lösenord" fails. Its MAC key (BMPString)
    // is right. So check the MAC ourselves with the passphrase as it is, then let forge decrypt a
    // copy without MAC using the UTF-8 bytes.
    if (/^[\x20-\x7e]*$/.test(passphrase) || !macVerifies(p12, passphrase)) {
      throw error;
    }
    const withoutMac = parse();
    (withoutMac.value as forge.asn1.Asn1[]).splice(2);
    return forge.pkcs12.pkcs12FromAsn1(withoutMac, false, forge.util.encodeUtf8(passphrase));
  }
}

/** PFX ::= SEQUENCE { version, authSafe ContentInfo, macData MacData } (RFC 7292 §4). */
function macVerifies(p12: Buffer, passphrase: string): boolean {
  try {
    const [, authSafe, macData] = childrenOf(p12, expectElement(p12, 0, p12.length, DerTag.Sequence));
    const explicitContent = authSafe && childrenOf(p12, authSafe)[1];
    const content = explicitContent && childrenOf(p12, explicitContent)[0];
    const [digestInfo, salt, iterations] = macData ? childrenOf(p12, macData) : [];
    const [algorithm, digest] = digestInfo ? childrenOf(p12, digestInfo) : [];
    const algorithmOid = algorithm && childrenOf(p12, algorithm)[0];
    if (content?.tag !== DerTag.OctetString || !algorithmOid || !digest || salt?.tag !== DerTag.OctetString) {
      return false;
    }
    const hashName = hashNameForOid(decodeOid(p12, algorithmOid));
    const md = hashName ? forge.md[hashName].create() : null;
    if (!hashName || !md) {
      return false;
    }
    const iterationCount = iterations ? contentOf(p12, iterations).readUIntBE(0, contentOf(p12, iterations).length) : 1;
    const key = forge.pkcs12.generateKey(
      passphrase,
      forge.util.createBuffer(contentOf(p12, salt).toString('binary')),
      3,
      iterationCount,
      md.digestLength,
      md,
    );
    const mac = createHmac(hashName, Buffer.from(key.getBytes(), 'binary')).update(contentOf(p12, content)).digest();
    const expected = contentOf(p12, digest);
    return mac.length === expected.length && timingSafeEqual(mac, expected);
  } catch {
    return false;
  }
}

function readPrivateKey(pfx: forge.pkcs12.Pkcs12Pfx): KeyObject {
  for (const bagType of [SHROUDED_KEY_BAG, KEY_BAG]) {
    for (const bag of pfx.getBags({ bagType })[bagType] ?? []) {
      if (bag.key) {
        const der = forge.asn1.toDer(forge.pki.privateKeyToAsn1(bag.key)).getBytes();
        return createPrivateKey({ key: Buffer.from(der, 'binary'), format: 'der', type: 'pkcs1' });
      }
      // forge decodes only RSA keys; it hands any other PrivateKeyInfo over undecoded.
      const der = forge.asn1.toDer(bag.asn1).getBytes();
      return createPrivateKey({ key: Buffer.from(der, 'binary'), format: 'der', type: 'pkcs8' });
    }
  }
  throw signingErrors.pkcs12Unreadable('no private key in the PKCS#12');
}

/**
 * A certificate that differs by one octet from what its issuer signed makes every PDF signature
 * fail in Adobe Reader. Check the leaf's own signature whenever its issuer (or the leaf itself,
 * if self-issued) is at hand, so a re-encoding problem fails at load time instead.
 */
function verifyExactBytes(leaf: X509Certificate, chain: readonly X509Certificate[]): void {
  const issuer = leaf.checkIssued(leaf) ? leaf : chain.find((candidate) => leaf.checkIssued(candidate));
  if (issuer && !leaf.verify(issuer.publicKey)) {
    throw signingErrors.pkcs12Unreadable('the certificate does not verify against its issuer');
  }
}
