import { type Authenticated, AuthenticationService, directoryErrors, type Session } from '@app/directory';
import { APP_CONFIG, type AppConfig, DomainError, ErrorKind, type PersonActor } from '@app/platform';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { isUUID } from 'class-validator';
import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';

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

/** A token just signed, and the session it stands for. */
export interface IssuedSession {
  readonly token: IssuedToken;
  readonly session: Session;
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

/** How a refused token is answered: the same for any fault of a bearer token, apart for an expired session. */
export interface TokenRefusals {
  readonly invalid: () => DomainError;
  readonly expired: () => DomainError;
}

export const BEARER_REFUSALS: TokenRefusals = { invalid: invalidToken, expired: invalidToken };

/** A browser session's refusals: the app tells an expired session (log in and come back) by its code. */
export const SESSION_REFUSALS: TokenRefusals = {
  invalid: directoryErrors.sessionInvalid,
  expired: () =>
    new DomainError('auth.session_expired', ErrorKind.Unauthenticated, 'Din session har gått ut. Logga in igen.'),
};

/**
 * Signs, checks and ends the bearer tokens (HS256 with the configured secret). A token names its
 * person, the organisation they act for and their credentials version, and has an id of its
 * own: it is refused once the person's credentials change, and alone once it is revoked.
 */
@Injectable()
export class TokenService {
  readonly #jwt: JwtService;
  /** Derived from the token secret: a CSRF token is worth nothing without the session it was made for. */
  readonly #csrfKey: Buffer;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly authentication: AuthenticationService,
  ) {
    this.#jwt = new JwtService({
      secret: config.auth.tokenSecret.reveal(),
      signOptions: { algorithm: 'HS256', expiresIn: config.auth.tokenTtlSeconds, issuer: 'remiss' },
      verifyOptions: { algorithms: ['HS256'], issuer: 'remiss' },
    });
    this.#csrfKey = createHmac('sha256', config.auth.tokenSecret.reveal()).update('remiss:csrf').digest();
  }

  async issue(who: Pick<Authenticated, 'personId' | 'organisationId' | 'credentialsVersion'>): Promise<IssuedSession> {
    const claims: RemissClaims = { sub: who.personId, org: who.organisationId, cv: who.credentialsVersion };
    const accessToken = await this.#jwt.signAsync({ ...claims }, { jwtid: randomUUID() });
    return {
      token: { accessToken, tokenType: 'Bearer', expiresIn: this.config.auth.tokenTtlSeconds },
      session: await this.verify(accessToken),
    };
  }

  /** The CSRF token of a session: the same for the session's whole life, and no other session's. */
  csrfToken(session: Session): string {
    return createHmac('sha256', this.#csrfKey).update(session.tokenId).digest('base64url');
  }

  /** True when `given` is the session's CSRF token (compared in constant time). */
  csrfMatches(session: Session, given: unknown): boolean {
    if (typeof given !== 'string') {
      return false;
    }
    const expected = Buffer.from(this.csrfToken(session));
    const actual = Buffer.from(given);
    return actual.length === expected.length && timingSafeEqual(actual, expected);
  }

  /**
   * Checks a token's signature, expiry and shape, and reads the session from it. A well-signed
   * token with a malformed claim is refused like a forged one.
   */
  async verify(token: string, refusals: TokenRefusals = BEARER_REFUSALS): Promise<Session> {
    let claims: Partial<RemissClaims> & { jti?: unknown; exp?: unknown };
    try {
      claims = await this.#jwt.verifyAsync(token);
    } catch (error) {
      throw error instanceof Error && error.name === 'TokenExpiredError' ? refusals.expired() : refusals.invalid();
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
      throw refusals.invalid();
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
  async authenticate(token: string, refusals: TokenRefusals = BEARER_REFUSALS): Promise<AuthenticatedToken> {
    const session = await this.verify(token, refusals);
    return { actor: await this.authentication.resolve(session), session };
  }

  /** Ends the token of this session at once; the person's other tokens are not touched. */
  async revoke(actor: PersonActor, session: Session): Promise<void> {
    await this.authentication.end(actor, session);
  }
}
