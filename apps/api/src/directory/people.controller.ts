import { PersonService, type PersonView, type RoleHeld, RoleService } from '@app/directory';
import { type Actor, Role } from '@app/platform';
import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { Authenticated, Roles } from '../auth/access.decorator.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import { ApiProblems } from '../docs/api-problems.decorator.js';
import { uuidParam } from '../http/params.js';
import { CreatePersonDto, GrantRoleDto, PersonListQuery, SetPasswordDto, UpdatePersonDto } from './directory.dto.js';
import { PersonResponse, RoleHeldResponse } from './directory.responses.js';

@ApiTags('katalog')
@Controller({ path: 'people' })
export class PeopleController {
  constructor(
    private readonly people: PersonService,
    private readonly roles: RoleService,
  ) {}

  /** The people of the organisation you act for. */
  @Get()
  @Authenticated()
  @ApiOkResponse({ type: [PersonResponse], description: 'Personerna.' })
  @ApiProblems(400)
  list(@CurrentActor() actor: Actor, @Query() query: PersonListQuery): Promise<PersonView[]> {
    return this.people.list(actor, query);
  }

  @Get(':id')
  @Authenticated()
  @ApiOkResponse({ type: PersonResponse, description: 'Personen.' })
  @ApiProblems(400, 404)
  get(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string): Promise<PersonView> {
    return this.people.get(actor, id);
  }

  @Post()
  @Roles(Role.Administrator)
  @ApiCreatedResponse({ type: PersonResponse, description: 'Den nya personen.' })
  @ApiProblems(400, 404, 409, 422)
  create(@CurrentActor() actor: Actor, @Body() body: CreatePersonDto): Promise<PersonView> {
    const { organisationId, ...input } = body;
    return this.people.create(actor, organisationId ?? (actor.kind === 'person' ? actor.organisationId : ''), input);
  }

  @Patch(':id')
  @Roles(Role.Administrator)
  @ApiOkResponse({ type: PersonResponse, description: 'Personen efter ändringen.' })
  @ApiProblems(400, 404, 409, 422)
  update(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Body() body: UpdatePersonDto,
  ): Promise<PersonView> {
    return this.people.update(actor, id, body);
  }

  /** Disables the person: they are refused on their next request. */
  @Post(':id/disable')
  @HttpCode(200)
  @Roles(Role.Administrator)
  @ApiOkResponse({ type: PersonResponse, description: 'Personen, avstängd.' })
  @ApiProblems(400, 404, 409)
  disable(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string): Promise<PersonView> {
    return this.people.setDisabled(actor, id, true);
  }

  @Post(':id/enable')
  @HttpCode(200)
  @Roles(Role.Administrator)
  @ApiOkResponse({ type: PersonResponse, description: 'Personen, åter aktiv.' })
  @ApiProblems(400, 404)
  enable(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string): Promise<PersonView> {
    return this.people.setDisabled(actor, id, false);
  }

  @Put(':id/password')
  @HttpCode(204)
  @Roles(Role.Administrator)
  @ApiNoContentResponse({ description: 'Lösenordet är satt.' })
  @ApiProblems(400, 404, 422)
  async setPassword(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Body() body: SetPasswordDto,
  ): Promise<void> {
    await this.people.setPassword(actor, id, body.password);
  }

  @Post(':id/roles')
  @Roles(Role.Administrator)
  @ApiCreatedResponse({ type: RoleHeldResponse, description: 'Rollen personen nu har.' })
  @ApiProblems(400, 404)
  grant(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Body() body: GrantRoleDto,
  ): Promise<RoleHeld> {
    return this.roles.grant(actor, id, body.role, body.organisationId);
  }

  @Delete(':id/roles/:roleId')
  @HttpCode(204)
  @Roles(Role.Administrator)
  @ApiNoContentResponse({ description: 'Rollen är borttagen.' })
  @ApiProblems(400, 404, 409)
  async revoke(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Param('roleId', uuidParam('roleId')) roleId: string,
  ): Promise<void> {
    await this.roles.revoke(actor, roleId, id);
  }
}
