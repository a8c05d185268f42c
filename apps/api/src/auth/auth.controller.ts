import { AuthenticationService, PersonService, type Session } from '@app/directory';
import { type Actor, DomainError, ErrorKind } from '@app/platform';
import { Body, Controller, Get, HttpCode, Ip, Post, Res } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';

import { ApiProblem, ApiProblems } from '../docs/api-problems.decorator.js';

import { Authenticated, Public } from './access.decorator.js';
import { ChangePasswordDto, LoginDto } from './auth.dto.js';
import { LoginResponse, WhoAmIResponse } from './auth.responses.js';
import { type Credential, CurrentActor, CurrentCredential, CurrentSession } from './current-actor.decorator.js';
import { LoginRateLimiter } from './login-rate-limiter.js';
import { SessionCookies } from './session-cookies.js';
import { TokenService } from './token.service.js';
import { WhoAmIService } from './who-am-i.service.js';

@ApiTags('inloggning')
@Controller({ path: 'auth' })
export class AuthController {
  constructor(
    private readonly authentication: AuthenticationService,
    private readonly tokens: TokenService,
    private readonly limiter: LoginRateLimiter,
    private readonly people: PersonService,
    private readonly whoAmI: WhoAmIService,
    private readonly cookies: SessionCookies,
  ) {}

  /**
   * Logs in with e-mail and password and returns a bearer token for one organisation (machine
   * clients; the browser uses POST /auth/session).
   */
  @Post('login')
  @HttpCode(200)
  @Public()
  @ApiOkResponse({ type: LoginResponse, description: 'Inloggad: token, person, organisation och roller.' })
  @ApiProblems(400, 429, 503)
  @ApiProblem(401, 'Fel e-postadress eller lösenord.')
  @ApiProblem(422, 'Du har roller i flera organisationer: ange organisationId (se organisations).')
  async login(@Body() body: LoginDto, @Ip() ip: string): Promise<LoginResponse> {
    await this.limiter.attempt(body.email, ip);
    const who = await this.authentication.authenticate(body);
    await this.limiter.succeeded(body.email, ip);
    const { token, session } = await this.tokens.issue(who);
    return { ...token, ...(await this.whoAmI.describe(who, session)) };
  }

  /** Who the token or session belongs to, the organisation it acts for, the roles held there and the other organisations to switch to. */
  @Get('me')
  @Authenticated()
  @ApiOkResponse({ type: WhoAmIResponse, description: 'Personen, organisationen och rollerna.' })
  async me(@CurrentActor() actor: Actor, @CurrentSession() session: Session): Promise<WhoAmIResponse> {
    if (actor.kind !== 'person') {
      throw new DomainError('auth.required', ErrorKind.Unauthenticated, 'Logga in som en person.');
    }
    return this.whoAmI.describe(actor, session);
  }

  /**
   * Ends the token (or browser session) this request carries, at once; the person's tokens
   * elsewhere live on. The token is refused from now until it would have expired.
   */
  @Post('logout')
  @HttpCode(204)
  @Authenticated()
  @ApiNoContentResponse({ description: 'Utloggad: token gäller inte längre.' })
  async logout(
    @CurrentActor() actor: Actor,
    @CurrentSession() session: Session,
    @CurrentCredential() credential: Credential,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    if (actor.kind === 'person') {
      await this.tokens.revoke(actor, session);
    }
    if (credential === 'cookie') {
      this.cookies.clear(reply);
    }
  }

  /** Changes the logged-in person's own password; every token of the person, this one too, ends. */
  @Post('password')
  @HttpCode(204)
  @Authenticated()
  @ApiNoContentResponse({ description: 'Lösenordet är bytt.' })
  @ApiProblems(400, 422)
  @ApiProblem(401, 'Fel nuvarande lösenord.')
  async changePassword(@CurrentActor() actor: Actor, @Body() body: ChangePasswordDto): Promise<void> {
    await this.people.changeOwnPassword(actor, body.currentPassword, body.newPassword);
  }
}
