import { PersonService, type PersonView, type RoleHeld, RoleService } from '@app/directory';
import { type Actor, Role } from '@app/platform';
import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiNoContentResponse, ApiTags } from '@nestjs/swagger';

import { Authenticated, Roles } from '../auth/access.decorator.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import { uuidParam } from '../http/params.js';
import { CreatePersonDto, GrantRoleDto, PersonListQuery, SetPasswordDto, UpdatePersonDto } from './directory.dto.js';

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
  list(@CurrentActor() actor: Actor, @Query() query: PersonListQuery): Promise<PersonView[]> {
    return this.people.list(actor, query);
  }

  @Get(':id')
  @Authenticated()
  get(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string): Promise<PersonView> {
    return this.people.get(actor, id);
  }

  @Post()
  @Roles(Role.Administrator)
  create(@CurrentActor() actor: Actor, @Body() body: CreatePersonDto): Promise<PersonView> {
    const { organisationId, ...input } = body;
    return this.people.create(actor, organisationId ?? (actor.kind === 'person' ? actor.organisationId : ''), input);
  }

  @Patch(':id')
  @Roles(Role.Administrator)
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
  disable(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string): Promise<PersonView> {
    return this.people.setDisabled(actor, id, true);
  }

  @Post(':id/enable')
  @HttpCode(200)
  @Roles(Role.Administrator)
  enable(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string): Promise<PersonView> {
    return this.people.setDisabled(actor, id, false);
  }

  @Put(':id/password')
  @HttpCode(204)
  @Roles(Role.Administrator)
  @ApiNoContentResponse()
  async setPassword(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Body() body: SetPasswordDto,
  ): Promise<void> {
    await this.people.setPassword(actor, id, body.password);
  }

  @Post(':id/roles')
  @Roles(Role.Administrator)
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
  @ApiNoContentResponse()
  async revoke(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Param('roleId', uuidParam('roleId')) roleId: string,
  ): Promise<void> {
    await this.roles.revoke(actor, roleId, id);
  }
}
