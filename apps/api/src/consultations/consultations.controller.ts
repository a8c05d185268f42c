import { ConsultationService, type ConsultationView, type StatusBoard, StatusBoardService } from '@app/consultation';
import { type Actor, DomainError, ErrorKind, Role } from '@app/platform';
import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';

import { Authenticated, Roles } from '../auth/access.decorator.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import { ApiFileResponse } from '../docs/api-file-response.decorator.js';
import { ApiProblems } from '../docs/api-problems.decorator.js';
import { sendDownload } from '../http/download.js';
import { readFiles, readSingleFile, requireMultipart, validateFields } from '../http/multipart.js';
import { uuidParam } from '../http/params.js';
import {
  ConsultationDocumentUpload,
  ConsultationListQuery,
  CorrectionFields,
  CorrectionUpload,
  CreateConsultationDto,
  DocumentTitleFields,
  StatusBoardQuery,
  UpdateConsultationDto,
} from './consultations.dto.js';
import { ConsultationResponse, StatusBoardResponse } from './consultations.responses.js';

@ApiTags('remisser')
@Controller({ path: 'consultations' })
export class ConsultationsController {
  constructor(
    private readonly consultations: ConsultationService,
    private readonly boards: StatusBoardService,
  ) {}

  /** Drafts a remiss in the sender's case (a new case is registered when none is named). */
  @Post()
  @Roles(Role.CaseOfficer, Role.Registrar)
  @ApiCreatedResponse({ type: ConsultationResponse, description: 'Remissen som utkast.' })
  @ApiProblems(400, 404, 409, 422)
  create(@CurrentActor() actor: Actor, @Body() body: CreateConsultationDto): Promise<ConsultationView> {
    return this.consultations.create(actor, body);
  }

  /** Remisses your organisation sent (`role=sent`, default) or received (`role=received`). */
  @Get()
  @Authenticated()
  @ApiOkResponse({ type: [ConsultationResponse], description: 'Remisserna.' })
  @ApiProblems(400)
  list(@CurrentActor() actor: Actor, @Query() query: ConsultationListQuery): Promise<ConsultationView[]> {
    return this.consultations.list(actor, query.role ?? 'sent');
  }

  @Get(':id')
  @Authenticated()
  @ApiOkResponse({ type: ConsultationResponse, description: 'Remissen.' })
  @ApiProblems(400, 404)
  get(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string): Promise<ConsultationView> {
    return this.consultations.get(actor, id);
  }

  /** Edits a draft; once sent a remiss cannot change (409). */
  @Patch(':id')
  @Roles(Role.CaseOfficer, Role.Registrar)
  @ApiOkResponse({ type: ConsultationResponse, description: 'Utkastet efter ändringen.' })
  @ApiProblems(400, 404, 409, 422)
  update(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Body() body: UpdateConsultationDto,
  ): Promise<ConsultationView> {
    return this.consultations.update(actor, id, body);
  }

  /** Adds a file to a draft's remissunderlag (multipart: `title`, then `file`). */
  @Post(':id/documents')
  @Roles(Role.CaseOfficer, Role.Registrar)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: ConsultationDocumentUpload })
  @ApiCreatedResponse({ type: ConsultationResponse, description: 'Utkastet med den nya filen.' })
  @ApiProblems(400, 404, 409, 413, 415, 422)
  async addDocument(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Req() request: FastifyRequest,
  ): Promise<ConsultationView> {
    requireMultipart(request, 'filen (fälten title och file)');
    const { fields, file } = await readSingleFile(request);
    return this.consultations.addDocument(actor, id, validateFields(DocumentTitleFields, fields).title, file);
  }

  @Delete(':id/documents/:documentId')
  @Roles(Role.CaseOfficer, Role.Registrar)
  @ApiOkResponse({ type: ConsultationResponse, description: 'Utkastet utan filen.' })
  @ApiProblems(400, 404, 409)
  removeDocument(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Param('documentId', uuidParam('documentId')) documentId: string,
  ): Promise<ConsultationView> {
    return this.consultations.removeDocument(actor, id, documentId);
  }

  /** A file of the remissunderlag, for the sender and the recipients. */
  @Get(':id/documents/:documentId/file')
  @Authenticated()
  @ApiFileResponse('*/*', 'Filen med sin egen innehållstyp och sitt namn.')
  @ApiProblems(400, 403, 404)
  async documentFile(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Param('documentId', uuidParam('documentId')) documentId: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await sendDownload(reply, await this.consultations.openDocument(actor, id, documentId));
  }

  /** Sends the remiss; each recipient gets it registered in its own registry by the worker. */
  @Post(':id/send')
  @HttpCode(200)
  @Roles(Role.CaseOfficer, Role.Registrar)
  @ApiOkResponse({ type: ConsultationResponse, description: 'Den skickade remissen.' })
  @ApiProblems(400, 404, 409, 422)
  send(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string): Promise<ConsultationView> {
    return this.consultations.send(actor, id);
  }

  /** Corrects a sent remiss's underlag: multipart with `note`, then one or more files (each optionally after a `title`). */
  @Post(':id/corrections')
  @Roles(Role.CaseOfficer, Role.Registrar)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: CorrectionUpload })
  @ApiCreatedResponse({ type: ConsultationResponse, description: 'Remissen med det rättade underlaget.' })
  @ApiProblems(400, 404, 409, 413, 415, 422)
  async correct(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Req() request: FastifyRequest,
  ): Promise<ConsultationView> {
    requireMultipart(request, 'rättelsen (fältet note och filerna)');
    const fields: Record<string, string> = {};
    const files = readFiles(request, fields);
    const first = await files.next();
    if (first.done) {
      throw new DomainError('request.file_missing', ErrorKind.Invalid, 'En rättelse behöver minst en fil.', {
        errors: [{ field: 'file', problems: ['måste anges'] }],
      });
    }
    const note = validateFields(CorrectionFields, fields).note;
    return this.consultations.publishCorrection(
      actor,
      id,
      note,
      (async function* () {
        yield first.value;
        yield* files;
      })(),
    );
  }

  /** The sender's status board: every recipient's state, case number, officer and deadline, with counts. */
  @Get(':id/status-board')
  @Authenticated()
  @ApiOkResponse({ type: StatusBoardResponse, description: 'Statustavlan.' })
  @ApiProblems(400, 403, 404)
  board(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Query() query: StatusBoardQuery,
  ): Promise<StatusBoard> {
    return this.boards.board(actor, id, query);
  }

  /** The status board as CSV for Swedish Excel (UTF-8 with BOM, semicolons). */
  @Get(':id/status-board.csv')
  @Authenticated()
  @ApiFileResponse('text/csv', 'Statustavlan som CSV (UTF-8 med BOM, semikolon).')
  @ApiProblems(400, 403, 404)
  async boardCsv(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Query() query: StatusBoardQuery,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const csv = await this.boards.csv(actor, id, query);
    await sendDownload(reply, { stream: csv.content, fileName: csv.fileName, mediaType: 'text/csv; charset=utf-8' });
  }
}
