import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * An organisation's signing certificate (PKCS#12). The container stays encrypted with its
 * passphrase, and the passphrase is stored encrypted with the deployment's signing-key secret.
 * At most one certificate per organisation is active; earlier ones stay for verification.
 */
@Entity('signing_certificates')
@Index('uq_signing_certificates_active', ['organisationId'], { unique: true, where: 'active' })
@Index('idx_signing_certificates_fingerprint', ['fingerprintSha256'])
@Check('chk_signing_certificates_kind', `kind IN ('development', 'configured')`)
export class SigningCertificateEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  @ForeignKey('OrganisationEntity')
  organisationId!: string;

  @Column('text')
  kind!: 'development' | 'configured';

  @Column('bytea', { select: false })
  pkcs12!: Buffer;

  /** AES-256-GCM: 12-byte nonce, 16-byte tag, then the ciphertext. */
  @Column('bytea', { select: false })
  passphraseSealed!: Buffer;

  /** SHA-256 of the certificate, as the signing library prints it. */
  @Column('text')
  fingerprintSha256!: string;

  @Column('text')
  subject!: string;

  @Column('timestamptz')
  validFrom!: Date;

  @Column('timestamptz')
  validTo!: Date;

  @Column('boolean', { default: true })
  active!: boolean;

  @Column('uuid', { nullable: true })
  @ForeignKey('PersonEntity')
  installedBy!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
