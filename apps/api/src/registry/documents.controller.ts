import { type Actor, Role } from '@app/platform';
import { type Page, RegisteredDocumentService, type RegisteredDocumentView } from '@app/registry';
import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';

import { Authenticated, Roles } from '../auth/access.decorator.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import { ApiProblems } from '../docs/api-problems.decorator.js';
import { ApiFileResponse } from '../docs/api-file-response.decorator.js';
import { sendDownload } from '../http/download.js';
import { uuidParam } from '../http/params.js';
import { AnnulDto, DocumentQueryDto, LiftSecrecyDto, SecrecyDto } from './registry.dto.js';
import { RegisteredDocumentPageResponse, RegisteredDocumentResponse } from './registry.responses.js';

@ApiTags('diarium')
@Controller({ path: 'documents' })
export class DocumentsController {
  constructor(private readonly documents: RegisteredDocumentService) {}

  /** Searches the organisation's registered documents; secret titles are neither shown nor searchable without access. */
  @Get()
  @Authenticated()
  @ApiOkResponse({ type: RegisteredDocumentPageResponse, description: 'En sida handlingar.' })
  @ApiProblems(400)
  search(@CurrentActor() actor: Actor, @Query() query: DocumentQueryDto): Promise<Page<RegisteredDocumentView>> {
    return this.documents.search(actor, query);
  }

  @Get(':id')
  @Authenticated()
  @ApiOkResponse({ type: RegisteredDocumentResponse, description: 'Handlingen.' })
  @ApiProblems(400, 404)
  get(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string): Promise<RegisteredDocumentView> {
    return this.documents.get(actor, id);
  }

  /** The document's file, streamed, with its name (Swedish letters intact) and type. */
  @Get(':id/file')
  @Authenticated()
  @ApiFileResponse('*/*', 'Filen med sin egen innehållstyp och sitt namn.')
  @ApiProblems(400, 403, 404)
  async file(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await sendDownload(reply, await this.documents.openFile(actor, id));
  }

  /** Annuls a mistaken entry; it stays in the register with the reason. */
  @Post(':id/annul')
  @HttpCode(200)
  @Roles(Role.Registrar)
  @ApiOkResponse({ type: RegisteredDocumentResponse, description: 'Den makulerade handlingen.' })
  @ApiProblems(400, 404, 409)
  annul(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Body() body: AnnulDto,
  ): Promise<RegisteredDocumentView> {
    return this.documents.annul(actor, id, body.reason);
  }

  /** Marks the document secret under OSL (`OSL 26 kap. 1 §`). */
  @Put(':id/secrecy')
  @Roles(Role.Registrar)
  @ApiOkResponse({ type: RegisteredDocumentResponse, description: 'Den sekretessmarkerade handlingen.' })
  @ApiProblems(400, 404, 409)
  markSecret(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Body() body: SecrecyDto,
  ): Promise<RegisteredDocumentView> {
    return this.documents.markSecret(actor, id, body.ground);
  }

  /** Lifts the secrecy mark (recorded, with the reason when given). */
  @Post(':id/secrecy/lift')
  @HttpCode(200)
  @Roles(Role.Registrar)
  @ApiOkResponse({ type: RegisteredDocumentResponse, description: 'Handlingen utan sekretessmarkering.' })
  @ApiProblems(400, 404, 409)
  liftSecrecy(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Body() body: LiftSecrecyDto,
  ): Promise<RegisteredDocumentView> {
    return this.documents.liftSecrecy(actor, id, body.reason ?? null);
  }
}
