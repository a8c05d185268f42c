import { spawnSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { generateDevelopmentCertificate } from './development-certificate.js';

function openssl(args: readonly string[]): string {
  const result = spawnSync('openssl', args, { encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(`openssl ${args.join(' ')} failed: ${result.stderr}`);
  }
  return result.stdout;
}

describe(generateDevelopmentCertificate.name, () => {
  const validFrom = new Date('2025-01-01T00:00:00Z');
  const sut = generateDevelopmentCertificate({
    commonName: 'Hägersten-Älvsjö stadsdelsnämnd',
    organisationalUnit: 'Hägersten-Älvsjö stadsdelsförvaltning',
    organisation: 'Stockholms stad',
    validFrom,
    years: 2,
  });
  let directory: string;
  let pemPath: string;

  beforeAll(() => {
    directory = mkdtempSync(join(tmpdir(), 'remiss-devcert-'));
    pemPath = join(directory, 'certificate.pem');
    writeFileSync(pemPath, sut.certificatePem);
  });

  afterAll(() => {
    rmSync(directory, { recursive: true, force: true });
  });

  it('keeps å, ä and ö in the subject, and the issuer is the subject', () => {
    const expected =
      'C=SE, O=Stockholms stad, OU=Hägersten-Älvsjö stadsdelsförvaltning, ' +
      'OU=Utvecklingscertifikat – inte för skarp användning, CN=Hägersten-Älvsjö stadsdelsnämnd';
    expect(openssl(['x509', '-in', pemPath, '-noout', '-subject', '-nameopt', 'utf8']).trim()).toBe(
      `subject=${expected}`,
    );
    expect(openssl(['x509', '-in', pemPath, '-noout', '-issuer', '-nameopt', 'utf8']).trim()).toBe(
      `issuer=${expected}`,
    );
    // The Swedish names are UTF8Strings, not Latin-1 squeezed into a PrintableString.
    expect(openssl(['asn1parse', '-in', pemPath])).toMatch(/UTF8STRING\s+:Hägersten-Älvsjö stadsdelsnämnd/);
  });

  it('leaves out the administration and the parent organisation when there are none', () => {
    const withoutAdministration = generateDevelopmentCertificate({
      commonName: 'Kulturnämnden',
      organisation: 'Stockholms stad',
      validFrom,
    });
    expect(new X509Certificate(withoutAdministration.certificatePem).subject.split('\n')).toEqual([
      'C=SE',
      'O=Stockholms stad',
      'OU=Utvecklingscertifikat – inte för skarp användning',
      'CN=Kulturnämnden',
    ]);
    const alone = generateDevelopmentCertificate({ commonName: 'Kulturnämnden', validFrom });
    expect(new X509Certificate(alone.certificatePem).subject.split('\n')).toEqual([
      'C=SE',
      'OU=Utvecklingscertifikat – inte för skarp användning',
      'CN=Kulturnämnden',
    ]);
  });

  it('is an RSA 2048 signing certificate, valid for the given years', () => {
    const certificate = new X509Certificate(sut.certificatePem);
    expect(certificate.publicKey.asymmetricKeyDetails?.modulusLength).toBe(2048);
    expect(new Date(certificate.validFrom)).toEqual(validFrom);
    expect(new Date(certificate.validTo)).toEqual(new Date('2027-01-01T00:00:00Z'));
    expect(certificate.verify(certificate.publicKey)).toBe(true);
    const extensions = openssl([
      'x509',
      '-in',
      pemPath,
      '-noout',
      '-ext',
      'keyUsage,extendedKeyUsage,basicConstraints',
    ]);
    expect(extensions).toContain('Digital Signature, Non Repudiation');
    expect(extensions).toContain('E-mail Protection');
    expect(extensions).toContain('CA:FALSE');
  });

  it('reports the SHA-256 fingerprint openssl computes', () => {
    const fingerprint = openssl(['x509', '-in', pemPath, '-noout', '-fingerprint', '-sha256']).trim();
    expect(fingerprint).toBe(`sha256 Fingerprint=${sut.fingerprintSha256}`);
  });

  it('packs a PKCS#12 that openssl opens with the passphrase', () => {
    const p12Path = join(directory, 'identity.p12');
    writeFileSync(p12Path, sut.p12);
    const certificates = openssl(['pkcs12', '-in', p12Path, '-passin', `pass:${sut.passphrase}`, '-nokeys']);
    expect(new X509Certificate(certificates).fingerprint256).toBe(sut.fingerprintSha256);
    const key = openssl(['pkcs12', '-in', p12Path, '-passin', `pass:${sut.passphrase}`, '-nocerts', '-nodes']);
    expect(key).toContain('BEGIN PRIVATE KEY');
  });

  it('uses a new key, serial number and passphrase every time', () => {
    const other = generateDevelopmentCertificate({ commonName: 'Hägersten-Älvsjö stadsdelsnämnd', validFrom });
    expect(other.fingerprintSha256).not.toBe(sut.fingerprintSha256);
    expect(other.passphrase).not.toBe(sut.passphrase);
    expect(new X509Certificate(other.certificatePem).serialNumber).not.toBe(
      new X509Certificate(sut.certificatePem).serialNumber,
    );
  });
});
