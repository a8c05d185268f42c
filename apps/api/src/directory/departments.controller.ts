import { DepartmentService, type DepartmentView } from '@app/directory';
import { type Actor, Role } from '@app/platform';
import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { Authenticated, Roles } from '../auth/access.decorator.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import { ApiProblems } from '../docs/api-problems.decorator.js';
import { uuidParam } from '../http/params.js';
import { CreateDepartmentDto, UpdateDepartmentDto } from './directory.dto.js';
import { DepartmentResponse } from './directory.responses.js';

@ApiTags('katalog')
@Controller({ path: 'departments' })
export class DepartmentsController {
  constructor(private readonly departments: DepartmentService) {}

  /** The departments of the organisation you act for. */
  @Get()
  @Authenticated()
  @ApiOkResponse({ type: [DepartmentResponse], description: 'Avdelningarna.' })
  list(@CurrentActor() actor: Actor): Promise<DepartmentView[]> {
    return this.departments.list(actor);
  }

  @Get(':id')
  @Authenticated()
  @ApiOkResponse({ type: DepartmentResponse, description: 'Avdelningen.' })
  @ApiProblems(400, 404)
  get(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string): Promise<DepartmentView> {
    return this.departments.get(actor, id);
  }

  @Post()
  @Roles(Role.Administrator)
  @ApiCreatedResponse({ type: DepartmentResponse, description: 'Den nya avdelningen.' })
  @ApiProblems(400, 404, 409)
  create(@CurrentActor() actor: Actor, @Body() body: CreateDepartmentDto): Promise<DepartmentView> {
    const { organisationId, ...input } = body;
    return this.departments.create(
      actor,
      organisationId ?? (actor.kind === 'person' ? actor.organisationId : ''),
      input,
    );
  }

  @Patch(':id')
  @Roles(Role.Administrator)
  @ApiOkResponse({ type: DepartmentResponse, description: 'Avdelningen efter ändringen.' })
  @ApiProblems(400, 404, 409)
  update(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Body() body: UpdateDepartmentDto,
  ): Promise<DepartmentView> {
    return this.departments.update(actor, id, body);
  }
}
