import { directoryErrors, OrganisationService } from '@app/directory';
import {
  type Actor,
  APP_CONFIG,
  type AppConfig,
  AuditService,
  Clock,
  Db,
  DomainError,
  ErrorKind,
  isPgError,
  mustFind,
  PgErrorCode,
  requirePerson,
  requireRole,
  Role,
  systemActor,
  type Tx,
} from '@app/platform';
import { generateDevelopmentCertificate, loadSigningIdentity, type SigningIdentity } from '@app/pdf';
import { Inject, Injectable, Logger } from '@nestjs/common';

import { seal, unseal } from './sealed-secret.js';
import { SigningCertificateEntity } from './signing-certificate.entity.js';

/** The O of every development certificate's subject: the city the signing bodies belong to. */
const DEVELOPMENT_PARENT_ORGANISATION = 'Stockholms stad';

export interface CertificateView {
  readonly organisationId: string;
  readonly kind: 'development' | 'configured';
  readonly subject: string;
  readonly fingerprintSha256: string;
  readonly validFrom: string;
  readonly validTo: string;
}

function toView(e: SigningCertificateEntity): CertificateView {
  return {
    organisationId: e.organisationId,
    kind: e.kind,
    subject: e.subject,
    fingerprintSha256: e.fingerprintSha256,
    validFrom: e.validFrom.toISOString(),
    validTo: e.validTo.toISOString(),
  };
}

/**
 * The organisations' signing certificates: one per organisation, its e-seal. An administrator
 * installs the organisation's PKCS#12; where none is installed, a development certificate in the
 * name of the organisation's administration is made once.
 * Identities are parsed once per process and reused; private keys never leave this service.
 */
@Injectable()
export class SigningCertificateService {
  readonly #log = new Logger(SigningCertificateService.name);
  readonly #identities = new Map<string, SigningIdentity>();

  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly organisations: OrganisationService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The identity that signs for the organisation now, making a development one if there is none. */
  async identityFor(organisationId: string): Promise<SigningIdentity> {
    let id = await this.#activeId(organisationId);
    if (!id) {
      await this.#createDevelopment(organisationId);
      id = await this.#activeId(organisationId);
      if (!id) {
        throw new Error(`the signing certificate made for ${organisationId} is not active`);
      }
    }
    let identity = this.#identities.get(id);
    if (!identity) {
      const row = await this.db.reader
        .createQueryBuilder(SigningCertificateEntity, 'c')
        .addSelect(['c.pkcs12', 'c.passphraseSealed'])
        .where('c.id = :id', { id })
        .getOneOrFail();
      identity = loadSigningIdentity(row.pkcs12, unseal(row.passphraseSealed, this.config.signing.keySecret.reveal()));
      // A development certificate made in another name (the board's, before the seal became the
      // administration's) would sign in a name the documents contradict: it is made anew.
      if (row.kind === 'development' && identity.commonName !== (await this.#sealName(organisationId))) {
        return this.#retireDevelopment(
          organisationId,
          id,
          identity,
          'utvecklingscertifikatet bar ett annat namn än förvaltningens; ett nytt görs',
        );
      }
      this.#identities.set(id, identity);
    }
    if (identity.validTo.getTime() <= this.clock.now().getTime()) {
      return this.#renewExpired(organisationId, id, identity);
    }
    return identity;
  }

  /**
   * A signature made with an expired certificate is invalid in every reader. A development
   * certificate is simply made anew; an installed one must be replaced by an administrator, and
   * until then nothing is signed.
   */
  async #renewExpired(organisationId: string, id: string, expired: SigningIdentity): Promise<SigningIdentity> {
    const row = await this.db.reader.findOneOrFail(SigningCertificateEntity, { select: { kind: true }, where: { id } });
    if (row.kind !== 'development') {
      throw new DomainError(
        'document.certificate_expired',
        ErrorKind.Unprocessable,
        `Organisationens signeringscertifikat gick ut ${expired.validTo.toISOString().slice(0, 10)}. ` +
          'En administratör behöver installera ett nytt innan något kan signeras.',
      );
    }
    return this.#retireDevelopment(
      organisationId,
      id,
      expired,
      'utvecklingscertifikatet gick ut; ett nytt görs',
      'expired',
    );
  }

  /** Takes a development certificate out of use, audited, and makes the next one. */
  async #retireDevelopment(
    organisationId: string,
    id: string,
    retired: SigningIdentity,
    reason: string,
    why: 'expired' | 'renamed' = 'renamed',
  ): Promise<SigningIdentity> {
    await this.db.transaction(async (tx) => {
      const rows = await tx.query<unknown[]>(
        `UPDATE signing_certificates SET active = false WHERE id = $1 AND active RETURNING id`,
        [id],
      );
      if (rows.length > 0) {
        await this.audit.record(tx, systemActor('signing'), {
          action: `signing_certificate.${why}`,
          entityType: 'signing_certificate',
          entityId: id,
          before: { active: true, commonName: retired.commonName, validTo: retired.validTo.toISOString() },
          after: { active: false, reason },
          organisationIds: [organisationId],
        });
      }
    });
    this.#identities.delete(id);
    return this.identityFor(organisationId);
  }

  async current(actor: Actor): Promise<CertificateView | null> {
    if (actor.kind !== 'person') {
      return null;
    }
    const row = await this.db.reader.findOneBy(SigningCertificateEntity, {
      organisationId: actor.organisationId,
      active: true,
    });
    return row ? toView(row) : null;
  }

  /** An administrator installs the organisation's certificate (PKCS#12 and its passphrase). */
  async install(actor: Actor, pkcs12: Buffer, passphrase: string): Promise<CertificateView> {
    requireRole(actor, Role.Administrator);
    requirePerson(actor);
    let identity: SigningIdentity;
    try {
      identity = loadSigningIdentity(pkcs12, passphrase);
    } catch {
      throw new DomainError(
        'document.certificate_invalid',
        ErrorKind.Unprocessable,
        'Certifikatfilen kunde inte läsas. Kontrollera att det är en PKCS#12-fil (.p12/.pfx) med en RSA-nyckel och att lösenordet stämmer.',
      );
    }
    if (identity.validTo.getTime() < this.clock.now().getTime()) {
      throw new DomainError('document.certificate_expired', ErrorKind.Unprocessable, 'Certifikatet har redan gått ut.');
    }
    return this.db.transaction(async (tx) => {
      const before = await tx.findOneBy(SigningCertificateEntity, {
        organisationId: actor.organisationId,
        active: true,
      });
      await tx.update(
        SigningCertificateEntity,
        { organisationId: actor.organisationId, active: true },
        { active: false },
      );
      const saved = await this.#insert(
        tx,
        actor.organisationId,
        'configured',
        pkcs12,
        passphrase,
        identity,
        actor.personId,
      );
      await this.audit.record(tx, actor, {
        action: 'signing_certificate.installed',
        entityType: 'signing_certificate',
        entityId: saved.id,
        before: before ? toView(before) : null,
        after: toView(saved),
        organisationIds: [actor.organisationId],
      });
      return toView(saved);
    });
  }

  /** The certificate with this fingerprint, if the system has ever signed with it. */
  async byFingerprint(fingerprint: string): Promise<{ organisationId: string; kind: string } | undefined> {
    const row = await this.db.reader.findOneBy(SigningCertificateEntity, { fingerprintSha256: fingerprint });
    return row ? { organisationId: row.organisationId, kind: row.kind } : undefined;
  }

  /**
   * The name an organisation's e-seal signs in: its administration's. The administration issues
   * and signs every document; the board's own decisions are told by what the documents print (its
   * meeting and paragraph), not by a signature in the board's name.
   */
  async #sealName(organisationId: string): Promise<string> {
    const organisation = await mustFind(
      this.organisations.findById(organisationId),
      directoryErrors.organisationNotFound,
    );
    return organisation.administrationName ?? organisation.name;
  }

  /** The active certificate's id: read on every signing, so a newly installed one takes over at once. */
  async #activeId(organisationId: string): Promise<string | undefined> {
    const row = await this.db.reader.findOne(SigningCertificateEntity, {
      select: { id: true },
      where: { organisationId, active: true },
    });
    return row?.id;
  }

  async #createDevelopment(organisationId: string): Promise<void> {
    const administration = await this.#sealName(organisationId);
    const made = generateDevelopmentCertificate({
      commonName: administration,
      organisationalUnit: administration,
      organisation: DEVELOPMENT_PARENT_ORGANISATION,
      validFrom: new Date(this.clock.now().getTime() - 24 * 3600 * 1000),
      years: 5,
    });
    const identity = loadSigningIdentity(made.p12, made.passphrase);
    await this.db.transaction(async (tx) => {
      // Two workers may race to make the first one: the partial unique index keeps one.
      await tx.query('SAVEPOINT development_certificate');
      try {
        await this.#insert(tx, organisationId, 'development', made.p12, made.passphrase, identity, null);
        await tx.query('RELEASE SAVEPOINT development_certificate');
        this.#log.warn({
          msg: 'made a development signing certificate; install a real one for production',
          organisationId,
        });
      } catch (error) {
        if (!isPgError(error, PgErrorCode.UniqueViolation)) {
          throw error;
        }
        await tx.query('ROLLBACK TO SAVEPOINT development_certificate');
      }
    });
  }

  async #insert(
    tx: Tx,
    organisationId: string,
    kind: 'development' | 'configured',
    pkcs12: Buffer,
    passphrase: string,
    identity: SigningIdentity,
    installedBy: string | null,
  ): Promise<SigningCertificateEntity> {
    return tx.save(
      tx.create(SigningCertificateEntity, {
        organisationId,
        kind,
        pkcs12,
        passphraseSealed: seal(passphrase, this.config.signing.keySecret.reveal()),
        fingerprintSha256: identity.fingerprintSha256,
        subject: [identity.commonName, identity.organisation].filter(Boolean).join(', '),
        validFrom: identity.validFrom,
        validTo: identity.validTo,
        active: true,
        installedBy,
      }),
    );
  }
}
