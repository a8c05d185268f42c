import { AuthenticationService, type Session } from '@app/directory';
import { DomainError, ErrorKind, type PersonActor } from '@app/platform';
import { Body, Controller, Delete, HttpCode, Ip, Post, Put, Res } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';

import { ApiProblem, ApiProblems } from '../docs/api-problems.decorator.js';

import { Authenticated, Public } from './access.decorator.js';
import { LoginDto, SwitchOrganisationDto } from './auth.dto.js';
import { SessionResponse } from './auth.responses.js';
import { type Credential, CurrentActor, CurrentCredential, CurrentSession } from './current-actor.decorator.js';
import { LoginRateLimiter } from './login-rate-limiter.js';
import { SessionCookies } from './session-cookies.js';
import { type IssuedSession, TokenService } from './token.service.js';
import { WhoAmIService } from './who-am-i.service.js';

/**
 * The web application's login: a session held in an HttpOnly, SameSite=Strict cookie, with a
 * CSRF token the app sends back on every unsafe request. The token never reaches the page.
 */
@ApiTags('inloggning')
@Controller({ path: 'auth/session' })
export class SessionController {
  constructor(
    private readonly authentication: AuthenticationService,
    private readonly tokens: TokenService,
    private readonly limiter: LoginRateLimiter,
    private readonly whoAmI: WhoAmIService,
    private readonly cookies: SessionCookies,
  ) {}

  /**
   * Logs in and starts a browser session: sets the session cookie (HttpOnly) and the readable
   * CSRF cookie remiss_csrf. A person with roles in several organisations names one; without it
   * the answer is 422 with the organisations to choose from.
   */
  @Post()
  @HttpCode(200)
  @Public()
  @ApiOkResponse({ type: SessionResponse, description: 'Inloggad: sessionscookie och CSRF-cookie är satta.' })
  @ApiProblems(400, 429, 503)
  @ApiProblem(401, 'Fel e-postadress eller lösenord.')
  @ApiProblem(422, 'Du har roller i flera organisationer: ange organisationId (se organisations).')
  async start(
    @Body() body: LoginDto,
    @Ip() ip: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SessionResponse> {
    await this.limiter.attempt(body.email, ip);
    const who = await this.authentication.authenticate(body);
    await this.limiter.succeeded(body.email, ip);
    return this.#begin(reply, who, await this.tokens.issue(who));
  }

  /** Ends the session on the server at once (a copy of the cookie is refused from now) and removes the cookies. */
  @Delete()
  @HttpCode(204)
  @Authenticated()
  @ApiNoContentResponse({ description: 'Utloggad: sessionen gäller inte längre och kakorna är borttagna.' })
  async end(
    @CurrentActor() actor: PersonActor,
    @CurrentSession() session: Session,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    await this.tokens.revoke(actor, session);
    this.cookies.clear(reply);
  }

  /**
   * Switches the session to another of the person's organisations: the session ends and a new
   * one starts there, with new cookies and a new CSRF token. Machine clients log in again with
   * organisationId instead.
   */
  @Put('organisation')
  @HttpCode(200)
  @Authenticated()
  @ApiOkResponse({ type: SessionResponse, description: 'Sessionen för den valda organisationen.' })
  @ApiProblems(400)
  @ApiProblem(403, 'Du har ingen roll i den organisationen, eller begäran saknar giltig CSRF-token.')
  @ApiProblem(422, 'Bara en webbläsarsession kan byta organisation; logga in på nytt med organisationId.')
  async switchOrganisation(
    @CurrentActor() actor: PersonActor,
    @CurrentSession() session: Session,
    @CurrentCredential() credential: Credential,
    @Body() body: SwitchOrganisationDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SessionResponse> {
    if (credential !== 'cookie') {
      throw new DomainError(
        'auth.browser_session_required',
        ErrorKind.Unprocessable,
        'Bara en inloggning i webbläsaren kan byta organisation. Logga in på nytt med organisationId.',
      );
    }
    const who = await this.authentication.switchOrganisation(actor, session, body.organisationId);
    return this.#begin(reply, who, await this.tokens.issue(who));
  }

  async #begin(
    reply: FastifyReply,
    who: Parameters<WhoAmIService['describe']>[0],
    issued: IssuedSession,
  ): Promise<SessionResponse> {
    const csrfToken = this.tokens.csrfToken(issued.session);
    this.cookies.set(reply, issued.token.accessToken, csrfToken);
    return { ...(await this.whoAmI.describe(who, issued.session)), csrfToken };
  }
}
