import { APP_CONFIG, type AppConfig, DomainError, ErrorKind } from '@app/platform';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { randomUUID } from 'node:crypto';

export interface TokenClaims {
  /** The person. */
  readonly sub: string;
  /** The organisation they act for. */
  readonly org: string;
}

export interface IssuedToken {
  readonly accessToken: string;
  readonly tokenType: 'Bearer';
  readonly expiresIn: number;
}

/** Signs and checks the bearer tokens (HS256 with the configured secret). */
@Injectable()
export class TokenService {
  readonly #jwt: JwtService;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.#jwt = new JwtService({
      secret: config.auth.tokenSecret.reveal(),
      signOptions: { algorithm: 'HS256', expiresIn: config.auth.tokenTtlSeconds, issuer: 'remiss' },
      verifyOptions: { algorithms: ['HS256'], issuer: 'remiss' },
    });
  }

  async issue(claims: TokenClaims): Promise<IssuedToken> {
    const accessToken = await this.#jwt.signAsync({ ...claims }, { jwtid: randomUUID() });
    return { accessToken, tokenType: 'Bearer', expiresIn: this.config.auth.tokenTtlSeconds };
  }

  async verify(token: string): Promise<TokenClaims> {
    try {
      const claims = await this.#jwt.verifyAsync<Partial<TokenClaims>>(token);
      if (typeof claims.sub !== 'string' || typeof claims.org !== 'string') {
        throw new Error('claims missing');
      }
      return { sub: claims.sub, org: claims.org };
    } catch {
      throw new DomainError(
        'auth.token_invalid',
        ErrorKind.Unauthenticated,
        'Din token är ogiltig eller har gått ut. Logga in igen.',
      );
    }
  }
}
