import { type Authenticated, AuthenticationService, type Session } from '@app/directory';
import { APP_CONFIG, type AppConfig, DomainError, ErrorKind, type PersonActor } from '@app/platform';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { isUUID } from 'class-validator';
import { randomUUID } from 'node:crypto';

/** The claims of a token beyond the registered ones (`jti`, `exp`, `iat`, `iss`). */
interface RemissClaims {
  /** The person. */
  readonly sub: string;
  /** The organisation they act for. */
  readonly org: string;
  /** The person's credentials version at issue. */
  readonly cv: number;
}

export interface IssuedToken {
  readonly accessToken: string;
  readonly tokenType: 'Bearer';
  readonly expiresIn: number;
}

/** A token that passed every check, and the session it stands for. */
export interface AuthenticatedToken {
  readonly actor: PersonActor;
  readonly session: Session;
}

function invalidToken(): DomainError {
  return new DomainError(
    'auth.token_invalid',
    ErrorKind.Unauthenticated,
    'Din token är ogiltig eller har gått ut. Logga in igen.',
  );
}

/**
 * Signs, checks and ends the bearer tokens (HS256 with the configured secret). A token names its
 * person, the organisation they act for and their credentials version, and has an id of its
 * own: it is refused once the person's credentials change, and alone once it is revoked.
 */
@Injectable()
export class TokenService {
  readonly #jwt: JwtService;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly authentication: AuthenticationService,
  ) {
    this.#jwt = new JwtService({
      secret: config.auth.tokenSecret.reveal(),
      signOptions: { algorithm: 'HS256', expiresIn: config.auth.tokenTtlSeconds, issuer: 'remiss' },
      verifyOptions: { algorithms: ['HS256'], issuer: 'remiss' },
    });
  }

  async issue(who: Pick<Authenticated, 'personId' | 'organisationId' | 'credentialsVersion'>): Promise<IssuedToken> {
    const claims: RemissClaims = { sub: who.personId, org: who.organisationId, cv: who.credentialsVersion };
    const accessToken = await this.#jwt.signAsync({ ...claims }, { jwtid: randomUUID() });
    return { accessToken, tokenType: 'Bearer', expiresIn: this.config.auth.tokenTtlSeconds };
  }

  /**
   * Checks a token's signature, expiry and shape, and reads the session from it. A well-signed
   * token with a malformed claim is refused like a forged one.
   */
  async verify(token: string): Promise<Session> {
    let claims: Partial<RemissClaims> & { jti?: unknown; exp?: unknown };
    try {
      claims = await this.#jwt.verifyAsync(token);
    } catch {
      throw invalidToken();
    }
    const { sub, org, cv, jti, exp } = claims;
    if (
      !isUUID(sub) ||
      !isUUID(org) ||
      !isUUID(jti) ||
      typeof cv !== 'number' ||
      !Number.isSafeInteger(cv) ||
      typeof exp !== 'number' ||
      !Number.isFinite(exp)
    ) {
      throw invalidToken();
    }
    return {
      personId: sub as string,
      organisationId: org as string,
      credentialsVersion: cv,
      tokenId: jti as string,
      expiresAt: new Date(exp * 1000),
    };
  }

  /** Checks a token in full: its signature, and that its person, credentials and the token itself still hold. */
  async authenticate(token: string): Promise<AuthenticatedToken> {
    const session = await this.verify(token);
    return { actor: await this.authentication.resolve(session), session };
  }

  /** Ends the token of this session at once; the person's other tokens are not touched. */
  async revoke(actor: PersonActor, session: Session): Promise<void> {
    await this.authentication.end(actor, session);
  }
}
