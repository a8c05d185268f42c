import { CompilationService } from '@app/consultation';
import {
  type CertificateView,
  DocumentIssuerService,
  type IssuedDocumentEntry,
  SigningCertificateService,
  type Verification,
  VerificationService,
} from '@app/document';
import type { IssuedDocumentView } from '@app/issuance';
import { type Actor, APP_CONFIG, type AppConfig, DomainError, ErrorKind, Role } from '@app/platform';
import { Controller, Get, HttpCode, Inject, Param, Post, Put, Query, Req, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiExtraModels, ApiOkResponse, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';

import { Authenticated, Roles } from '../auth/access.decorator.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import { ApiFileResponse } from '../docs/api-file-response.decorator.js';
import { ApiProblems } from '../docs/api-problems.decorator.js';
import { sendDownload } from '../http/download.js';
import { readOnlyFile, readSingleFile, requireMultipart, validateFields } from '../http/multipart.js';
import { uuidParam } from '../http/params.js';
import { CertificateFields, CertificateUpload, IssuedDocumentsQuery, VerificationUpload } from './documents.dto.js';
import {
  AlteredResponse,
  CertificateResponse,
  IssuedDocumentEntryResponse,
  IssuedDocumentResponse,
  IssuedUnalteredResponse,
  NotIssuedResponse,
  VERIFICATION_SCHEMA,
} from './documents.responses.js';

/** Reads an uploaded file into memory, refusing more than `max` bytes. */
async function readUpload(stream: AsyncIterable<Buffer>, max: number): Promise<Buffer> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    size += chunk.length;
    if (size > max) {
      throw new DomainError('document.upload_too_large', ErrorKind.PayloadTooLarge, 'Filen är för stor.');
    }
    parts.push(chunk);
  }
  return Buffer.concat(parts);
}

@ApiTags('handlingar')
@Controller()
export class IssuedDocumentsController {
  constructor(
    private readonly issuer: DocumentIssuerService,
    private readonly verification: VerificationService,
    private readonly certificates: SigningCertificateService,
    private readonly compilations: CompilationService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * The signed documents issued for a statement, decision, remiss or recipient, with their state;
   * without a subject, the organisation's latest (its registrar's overview).
   */
  @Get('issued-documents')
  @Authenticated()
  @ApiOkResponse({ type: [IssuedDocumentEntryResponse], description: 'Dokumenten med sina lägen.' })
  @ApiProblems(400)
  async list(@CurrentActor() actor: Actor, @Query() query: IssuedDocumentsQuery): Promise<IssuedDocumentEntry[]> {
    return query.subjectId
      ? this.issuer.withDiaryNumbers(await this.issuer.forSubjects(actor, [query.subjectId]))
      : this.issuer.ofOrganisation(actor);
  }

  /** One issued document: queued, rendering, signed (with its hash) or failed (with the reason). */
  @Get('issued-documents/:id')
  @Authenticated()
  @ApiOkResponse({ type: IssuedDocumentEntryResponse, description: 'Dokumentet, med ärendets diarienummer.' })
  @ApiProblems(400, 404)
  async get(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string): Promise<IssuedDocumentEntry> {
    // As the lists show it: one document reads the same alone as in a list.
    const document = await this.issuer.get(actor, id);
    const [entry = { ...document, diaryNumber: '' }] = await this.issuer.withDiaryNumbers([document]);
    return entry;
  }

  /** Puts a failed document back in the queue once its cause is mended (a registrar's "försök igen"). */
  @Post('issued-documents/:id/retry')
  @HttpCode(202)
  @Roles(Role.Registrar)
  @ApiResponse({ status: 202, type: IssuedDocumentResponse, description: 'Dokumentet, åter i kön.' })
  @ApiProblems(400, 404, 409)
  retry(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string): Promise<IssuedDocumentView> {
    return this.issuer.retry(actor, id);
  }

  @Get('issued-documents/:id/file')
  @Authenticated()
  @ApiFileResponse('application/pdf', 'Den signerade PDF-filen.')
  @ApiProblems(400, 403, 404, 409)
  async file(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await sendDownload(reply, await this.issuer.open(actor, id));
  }

  /** The signed missiv of a remiss, for its sender and its recipients. */
  @Get('consultations/:id/covering-letter')
  @Authenticated()
  @ApiFileResponse('application/pdf', 'Det signerade missivet.')
  @ApiProblems(400, 403, 404, 409)
  async coveringLetter(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await sendDownload(reply, await this.issuer.coveringLetter(actor, id));
  }

  /** Asks for the signed PDF of the compilation as it stands; poll the returned document for its state. */
  @Post('consultations/:id/compilation.pdf')
  @HttpCode(202)
  @Roles(Role.CaseOfficer, Role.Registrar)
  @ApiResponse({
    status: 202,
    type: IssuedDocumentResponse,
    description: 'Dokumentet som tas fram; fråga efter dess läge.',
  })
  @ApiProblems(400, 404, 409)
  requestCompilation(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string): Promise<IssuedDocumentView> {
    return this.compilations.requestPdf(actor, id);
  }

  /**
   * Is this the document we issued? Send a PDF (multipart, exactly one part: the field `file`, at
   * most FILE_MAX_BYTES): the answer is issued and unaltered, altered after signing, or not issued
   * here — judged by the bytes and the signature. Anything but a PDF answers 415 (422 when empty).
   */
  @Post('verification')
  @HttpCode(200)
  @Authenticated()
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: VerificationUpload })
  @ApiExtraModels(IssuedUnalteredResponse, AlteredResponse, NotIssuedResponse)
  @ApiOkResponse({
    schema: VERIFICATION_SCHEMA,
    description: 'Domen: utfärdat och oförändrat, ändrat, eller inte utfärdat här.',
  })
  @ApiProblems(400, 413, 415, 422)
  async verify(@Req() request: FastifyRequest): Promise<Verification> {
    requireMultipart(request, 'PDF-filen (fältet file)');
    const { bytes } = await readOnlyFile(request, 'file', this.config.files.maxBytes);
    return this.verification.verify(bytes);
  }

  /** The organisation's signing certificate (never its key). */
  @Get('signing-certificate')
  @Roles(Role.Administrator)
  @ApiOkResponse({
    type: CertificateResponse,
    nullable: true,
    description: 'Certifikatet, eller null när inget finns än.',
  })
  certificate(@CurrentActor() actor: Actor): Promise<CertificateView | null> {
    return this.certificates.current(actor);
  }

  /** Installs the organisation's signing certificate: multipart with `passphrase`, then the PKCS#12 `file`. */
  @Put('signing-certificate')
  @Roles(Role.Administrator)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: CertificateUpload })
  @ApiOkResponse({ type: CertificateResponse, description: 'Det installerade certifikatet.' })
  @ApiProblems(400, 413, 415, 422)
  async install(@CurrentActor() actor: Actor, @Req() request: FastifyRequest): Promise<CertificateView> {
    requireMultipart(request, 'certifikatet (fälten passphrase och file)');
    const { fields, file } = await readSingleFile(request);
    const { passphrase } = validateFields(CertificateFields, fields);
    return this.certificates.install(actor, await readUpload(file.stream, 1024 * 1024), passphrase);
  }
}
