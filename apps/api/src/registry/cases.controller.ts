import { type Actor, Role } from '@app/platform';
import {
  type CaseCoWorkerView,
  type CaseListPage,
  CaseService,
  type CaseView,
  RegisteredDocumentService,
  type RegisteredDocumentView,
} from '@app/registry';
import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query, Req } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';

import { Authenticated, Roles } from '../auth/access.decorator.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import { ApiBodies } from '../docs/api-bodies.decorator.js';
import { ApiProblems } from '../docs/api-problems.decorator.js';
import { readSingleFile, validateFields } from '../http/multipart.js';
import { uuidParam } from '../http/params.js';
import {
  AssignmentDto,
  CaseQueryDto,
  RegisterCaseDto,
  RegisterDocumentDto,
  RegisterDocumentUpload,
  UpdateCaseDto,
} from './registry.dto.js';
import {
  CaseCoWorkerResponse,
  CasePageResponse,
  CaseResponse,
  RegisteredDocumentResponse,
} from './registry.responses.js';

@ApiTags('diarium')
@Controller({ path: 'cases' })
export class CasesController {
  constructor(
    private readonly cases: CaseService,
    private readonly documents: RegisteredDocumentService,
  ) {}

  /** Registers a case; its diary number (`PREFIX ÅR/N`) comes from the organisation's series. */
  @Post()
  @Roles(Role.Registrar, Role.CaseOfficer)
  @ApiCreatedResponse({ type: CaseResponse, description: 'Det registrerade ärendet med sitt diarienummer.' })
  @ApiProblems(400, 422)
  register(@CurrentActor() actor: Actor, @Body() body: RegisterCaseDto): Promise<CaseView> {
    return this.cases.register(actor, body);
  }

  /**
   * Searches the organisation's cases, newest diary number first unless `sort` and `order` say
   * otherwise, a page at a time: after `offset` rows, or after the row `cursor` names.
   */
  @Get()
  @Authenticated()
  @ApiOkResponse({ type: CasePageResponse, description: 'En sida ärenden.' })
  @ApiProblems(400)
  search(@CurrentActor() actor: Actor, @Query() query: CaseQueryDto): Promise<CaseListPage> {
    return this.cases.search(actor, query);
  }

  @Get(':id')
  @Authenticated()
  @ApiOkResponse({ type: CaseResponse, description: 'Ärendet.' })
  @ApiProblems(400, 404)
  get(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string): Promise<CaseView> {
    return this.cases.get(actor, id);
  }

  @Patch(':id')
  @Roles(Role.Registrar, Role.CaseOfficer)
  @ApiOkResponse({ type: CaseResponse, description: 'Ärendet efter ändringen.' })
  @ApiProblems(400, 404, 409, 422)
  update(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Body() body: UpdateCaseDto,
  ): Promise<CaseView> {
    return this.cases.update(actor, id, body);
  }

  /** Makes a department and a case officer responsible. */
  @Post(':id/assign')
  @HttpCode(200)
  @Roles(Role.Registrar)
  @ApiOkResponse({ type: CaseResponse, description: 'Ärendet med sin nya ansvariga.' })
  @ApiProblems(400, 404, 409, 422)
  assign(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Body() body: AssignmentDto,
  ): Promise<CaseView> {
    return this.cases.assign(actor, id, { departmentId: body.departmentId ?? null, personId: body.personId });
  }

  /** Who writes in the case beside its responsible officer (its statement, its documents); everyone else reads. */
  @Get(':id/co-workers')
  @Authenticated()
  @ApiOkResponse({ type: [CaseCoWorkerResponse], description: 'Medarbetarna i ärendet.' })
  @ApiProblems(400, 404)
  coWorkers(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string): Promise<CaseCoWorkerView[]> {
    return this.cases.coWorkers(actor, id);
  }

  /** Adds a person of the organisation to write in the case; adding twice changes nothing. */
  @Put(':id/co-workers/:personId')
  @Roles(Role.Registrar)
  @ApiOkResponse({ type: [CaseCoWorkerResponse], description: 'Medarbetarna i ärendet efter tillägget.' })
  @ApiProblems(400, 404, 422)
  addCoWorker(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Param('personId', uuidParam('personId')) personId: string,
  ): Promise<CaseCoWorkerView[]> {
    return this.cases.addCoWorker(actor, id, personId);
  }

  /** Takes a co-worker off the case: they read it only from now on. */
  @Delete(':id/co-workers/:personId')
  @HttpCode(204)
  @Roles(Role.Registrar)
  @ApiNoContentResponse()
  @ApiProblems(400, 404)
  async removeCoWorker(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Param('personId', uuidParam('personId')) personId: string,
  ): Promise<void> {
    await this.cases.removeCoWorker(actor, id, personId);
  }

  @Post(':id/close')
  @HttpCode(200)
  @Roles(Role.Registrar)
  @ApiOkResponse({ type: CaseResponse, description: 'Det avslutade ärendet.' })
  @ApiProblems(400, 404, 409)
  close(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string): Promise<CaseView> {
    return this.cases.close(actor, id);
  }

  @Post(':id/reopen')
  @HttpCode(200)
  @Roles(Role.Registrar)
  @ApiOkResponse({ type: CaseResponse, description: 'Det återöppnade ärendet.' })
  @ApiProblems(400, 404, 409)
  reopen(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string): Promise<CaseView> {
    return this.cases.reopen(actor, id);
  }

  /** The case's registered documents, by number; secret ones are masked for those without access. */
  @Get(':id/documents')
  @Authenticated()
  @ApiOkResponse({ type: [RegisteredDocumentResponse], description: 'Ärendets handlingar i nummerordning.' })
  @ApiProblems(400, 404)
  documentsOf(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string): Promise<RegisteredDocumentView[]> {
    return this.documents.listForCase(actor, id);
  }

  /**
   * Registers a document in the case: JSON without a file, or multipart/form-data with the
   * fields first and the file last (`file`).
   */
  @Post(':id/documents')
  @Roles(Role.Registrar, Role.CaseOfficer)
  @ApiBodies({ 'application/json': RegisterDocumentDto, 'multipart/form-data': RegisterDocumentUpload })
  @ApiCreatedResponse({ type: RegisteredDocumentResponse, description: 'Den registrerade handlingen.' })
  @ApiProblems(400, 404, 409, 413, 415, 422)
  async registerDocument(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Req() request: FastifyRequest,
  ): Promise<RegisteredDocumentView> {
    if (request.isMultipart()) {
      const { fields, file } = await readSingleFile(request);
      return this.documents.register(actor, id, validateFields(RegisterDocumentDto, fields), file);
    }
    return this.documents.register(
      actor,
      id,
      validateFields(RegisterDocumentDto, (request.body ?? {}) as Record<string, unknown>),
    );
  }
}
