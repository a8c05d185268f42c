import { OrganisationService, type OrganisationView } from '@app/directory';
import { type Actor, Role } from '@app/platform';
import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { Authenticated, Roles } from '../auth/access.decorator.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import { ApiProblems } from '../docs/api-problems.decorator.js';
import { uuidParam } from '../http/params.js';
import { CreateOrganisationDto, OrganisationListQuery, UpdateOrganisationDto } from './directory.dto.js';
import { OrganisationResponse } from './directory.responses.js';

@ApiTags('katalog')
@Controller({ path: 'organisations' })
export class OrganisationsController {
  constructor(private readonly organisations: OrganisationService) {}

  /** The bodies of the directory (everyone may read them: a sender picks recipients here). */
  @Get()
  @Authenticated()
  @ApiOkResponse({ type: [OrganisationResponse], description: 'Organisationerna.' })
  @ApiProblems(400)
  list(@CurrentActor() actor: Actor, @Query() query: OrganisationListQuery): Promise<OrganisationView[]> {
    return this.organisations.list(actor, query);
  }

  @Get(':id')
  @Authenticated()
  @ApiOkResponse({ type: OrganisationResponse, description: 'Organisationen.' })
  @ApiProblems(400, 404)
  get(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string): Promise<OrganisationView> {
    return this.organisations.get(actor, id);
  }

  /** Adds a body to the directory (administrators of the city). */
  @Post()
  @Roles(Role.Administrator)
  @ApiCreatedResponse({ type: OrganisationResponse, description: 'Den nya organisationen.' })
  @ApiProblems(400, 404, 409, 422)
  create(@CurrentActor() actor: Actor, @Body() body: CreateOrganisationDto): Promise<OrganisationView> {
    return this.organisations.create(actor, body);
  }

  @Patch(':id')
  @Roles(Role.Administrator)
  @ApiOkResponse({ type: OrganisationResponse, description: 'Organisationen efter ändringen.' })
  @ApiProblems(400, 404, 409, 422)
  update(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Body() body: UpdateOrganisationDto,
  ): Promise<OrganisationView> {
    return this.organisations.update(actor, id, body);
  }
}
