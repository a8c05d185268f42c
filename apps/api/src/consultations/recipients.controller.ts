import {
  type ExtensionRequestView,
  ExternalMailService,
  LetterService,
  type MailDeliveryView,
  RecipientService,
  type RecipientView,
} from '@app/consultation';
import { DocumentIssuerService } from '@app/document';
import { type Actor, DomainError, ErrorKind, Role } from '@app/platform';
import { DecisionService } from '@app/statement';
import { Body, Controller, Get, HttpCode, Param, Post, Put, Req, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';

import { Authenticated, Roles } from '../auth/access.decorator.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import { ApiBodies } from '../docs/api-bodies.decorator.js';
import { ApiFileResponse } from '../docs/api-file-response.decorator.js';
import { ApiProblems } from '../docs/api-problems.decorator.js';
import { sendDownload } from '../http/download.js';
import { parseJsonField, readSingleFile, validateFields } from '../http/multipart.js';
import { AssignmentDto } from '../registry/registry.dto.js';
import { confirmationOf } from '../statements/statements.dto.js';
import { uuidParam } from '../http/params.js';
import {
  CorrectAddressDto,
  DeclineDto,
  ExtensionDecisionDto,
  ExtensionRequestDto,
  ExternalAnswerDto,
  ExternalAnswerUpload,
} from './consultations.dto.js';
import { ExtensionRequestResponse, MailDeliveryResponse, RecipientResponse } from './consultations.responses.js';

@ApiTags('remisser')
@Controller({ path: 'consultation-recipients' })
export class RecipientsController {
  constructor(
    private readonly recipients: RecipientService,
    private readonly letters: LetterService,
    private readonly issuer: DocumentIssuerService,
    private readonly decisions: DecisionService,
    private readonly externalMail: ExternalMailService,
  ) {}

  /**
   * The sender's registrar corrects an external recipient's e-mail address: a message that
   * could not be delivered is sent again, to the corrected address.
   */
  @Put(':id/email')
  @Roles(Role.Registrar)
  @ApiOkResponse({ type: [MailDeliveryResponse], description: 'E-posten till remissinstansen efter rättelsen.' })
  @ApiProblems(400, 403, 404, 409, 422)
  correctAddress(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Body() body: CorrectAddressDto,
  ): Promise<MailDeliveryView[]> {
    return this.externalMail.correctAddress(actor, id, body.email);
  }

  /** A recipient of a remiss, to the sender and to the recipient itself. */
  @Get(':id')
  @Authenticated()
  @ApiOkResponse({ type: RecipientResponse, description: 'Remissinstansen.' })
  @ApiProblems(400, 404)
  get(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string): Promise<RecipientView> {
    return this.recipients.get(actor, id);
  }

  /** The recipient's registrar assigns the remiss to a department and a case officer. */
  @Post(':id/assign')
  @HttpCode(200)
  @Roles(Role.Registrar)
  @ApiOkResponse({ type: RecipientResponse, description: 'Remissinstansen, tilldelad.' })
  @ApiProblems(400, 404, 409, 422)
  assign(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Body() body: AssignmentDto,
  ): Promise<RecipientView> {
    return this.recipients.assign(actor, id, { departmentId: body.departmentId ?? null, personId: body.personId });
  }

  /**
   * The recipient declines (avstår), with a reason and who decided: the administration on the
   * board's behalf (`decidedBy`), or the board at a meeting (`boardDecision`).
   */
  @Post(':id/decline')
  @HttpCode(200)
  @Roles(Role.Registrar)
  @ApiOkResponse({ type: RecipientResponse, description: 'Remissinstansen, som avstår.' })
  @ApiProblems(400, 404, 409, 422)
  decline(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Body() body: DeclineDto,
  ): Promise<RecipientView> {
    if ((body.decidedBy === undefined) === (body.boardDecision === undefined)) {
      throw new DomainError(
        'request.invalid',
        ErrorKind.Invalid,
        'Ange vem som beslutade att avstå: antingen decidedBy (förvaltningen på nämndens vägnar) eller boardDecision (nämndens sammanträde och paragraf), inte båda.',
        { errors: [{ field: 'decidedBy', problems: ['anges, eller boardDecision, men inte båda'] }] },
      );
    }
    if (body.boardDecision) {
      const { meetingId, paragraph, confirmation } = body.boardDecision;
      return this.decisions.recordDecline(actor, id, {
        meetingId,
        paragraph,
        reason: body.reason,
        confirmation: confirmationOf(confirmation),
      });
    }
    return this.recipients.decline(actor, id, { reason: body.reason, decidedBy: body.decidedBy! });
  }

  /** The recipient asks for a later deadline (anstånd). */
  @Post(':id/extension-requests')
  @Roles(Role.Registrar, Role.CaseOfficer)
  @ApiCreatedResponse({ type: ExtensionRequestResponse, description: 'Begäran om anstånd.' })
  @ApiProblems(400, 404, 409, 422)
  requestExtension(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Body() body: ExtensionRequestDto,
  ): Promise<ExtensionRequestView> {
    return this.recipients.requestExtension(actor, id, body);
  }

  @Get(':id/extension-requests')
  @Authenticated()
  @ApiOkResponse({ type: [ExtensionRequestResponse], description: 'Remissinstansens begäranden om anstånd.' })
  @ApiProblems(400, 404)
  extensionRequests(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
  ): Promise<ExtensionRequestView[]> {
    return this.recipients.extensionRequests(actor, id);
  }

  /** The e-mail-ready letter (.eml) with the remissunderlag, for an external recipient. */
  @Get(':id/letter')
  @Roles(Role.Registrar, Role.CaseOfficer)
  @ApiFileResponse('message/rfc822', 'Brevet som e-post (.eml) med remissunderlaget bifogat.')
  @ApiProblems(400, 404, 422)
  async letter(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const recipient = await this.recipients.get(actor, id);
    const missiv = await this.issuer.coveringLetterBytes(recipient.consultationId);
    const letter = await this.letters.letter(actor, id, missiv ? [{ ...missiv, mediaType: 'application/pdf' }] : []);
    await sendDownload(reply, { stream: letter.content, fileName: letter.fileName, mediaType: 'message/rfc822' });
  }

  /**
   * The sender's registrar registers an external body's answer: JSON, or multipart with the
   * fields first (`sections` as JSON text) and the answer's file last.
   */
  @Post(':id/external-answer')
  @HttpCode(200)
  @Roles(Role.Registrar)
  @ApiBodies({ 'application/json': ExternalAnswerDto, 'multipart/form-data': ExternalAnswerUpload })
  @ApiOkResponse({ type: RecipientResponse, description: 'Remissinstansen, besvarad.' })
  @ApiProblems(400, 404, 409, 413, 415, 422)
  async externalAnswer(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Req() request: FastifyRequest,
  ): Promise<RecipientView> {
    if (request.isMultipart()) {
      const { fields, file } = await readSingleFile(request);
      const parsed: Record<string, unknown> = { ...fields };
      if (fields.sections) {
        parsed.sections = parseJsonField('sections', fields.sections);
      }
      const answer = validateFields(ExternalAnswerDto, parsed);
      return this.recipients.registerExternalAnswer(actor, id, this.#answer(answer), file);
    }
    return this.recipients.registerExternalAnswer(
      actor,
      id,
      this.#answer(validateFields(ExternalAnswerDto, (request.body ?? {}) as Record<string, unknown>)),
    );
  }

  #answer(dto: ExternalAnswerDto): Parameters<RecipientService['registerExternalAnswer']>[2] {
    return {
      position: dto.position,
      ...(dto.comment !== undefined ? { comment: dto.comment } : {}),
      ...(dto.documentDate !== undefined ? { documentDate: dto.documentDate } : {}),
      sections: (dto.sections ?? []).map((s) => ({
        sectionId: s.sectionId,
        position: s.position ?? null,
        comment: s.comment ?? '',
      })),
    };
  }
}

@ApiTags('remisser')
@Controller({ path: 'extension-requests' })
export class ExtensionRequestsController {
  constructor(private readonly recipients: RecipientService) {}

  /** The sender grants or refuses a request for a later deadline. */
  @Post(':id/decision')
  @HttpCode(200)
  @Roles(Role.CaseOfficer, Role.Registrar)
  @ApiOkResponse({ type: ExtensionRequestResponse, description: 'Begäran, beviljad eller avslagen.' })
  @ApiProblems(400, 404, 409)
  decide(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Body() body: ExtensionDecisionDto,
  ): Promise<ExtensionRequestView> {
    return this.recipients.decideExtension(actor, id, body);
  }
}
