import { DomainError, ErrorKind } from '@app/platform';
import { cleanFileName, type IncomingFile } from '@app/registry';
import type { MultipartFile, MultipartValue } from '@fastify/multipart';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import type { FastifyRequest } from 'fastify';

import { inputProblems, normalisedText, textProblem } from './input-guard.js';
import { type FieldProblem, invalidFields, shapeErrors, validationProblems } from './validation.js';

/** The most files one form takes (a correction of a remiss's underlag, say). */
export const MAX_FILES_PER_FORM = 20;

/**
 * Validates plain fields (a multipart form's, or a JSON body read by hand) against a DTO class
 * with the same rules and Swedish answers as every other body.
 */
export function validateFields<T extends object>(type: new () => T, fields: Record<string, unknown>): T {
  const instance = plainToInstance(type, fields);
  const errors = [
    ...validateSync(instance, { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true }),
    ...shapeErrors(instance),
  ];
  if (errors.length > 0) {
    throw invalidFields(validationProblems(errors));
  }
  return instance;
}

/** A form field that carries JSON text, parsed, or a 400 naming the field; nested no deeper than a JSON body may be. */
export function parseJsonField(name: string, text: string): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch {
    throw invalidFields([{ field: name, problems: ['måste vara giltig JSON'] }]);
  }
  const problems = inputProblems(value, name);
  if (problems.length > 0) {
    throw invalidFields(problems);
  }
  return value;
}

/** Refuses (415) a request that is not a multipart form, saying what the form should hold. */
export function requireMultipart(request: FastifyRequest, holds: string): void {
  if (!request.isMultipart()) {
    throw new DomainError(
      'request.multipart_required',
      ErrorKind.UnsupportedMediaType,
      `Skicka ${holds} som multipart/form-data.`,
    );
  }
}

/** Refuses a field or file name no field takes (a NUL, a lone surrogate), naming it. */
function checkPart(part: MultipartFile | MultipartValue): void {
  const problems: FieldProblem[] = [];
  const nameProblem = textProblem(part.fieldname);
  if (nameProblem) {
    problems.push({ field: 'formuläret', problems: [`har ett fältnamn som ${nameProblem}`] });
  } else if (part.type === 'file') {
    const fileNameProblem = textProblem(part.filename);
    if (fileNameProblem) {
      problems.push({ field: part.fieldname, problems: [`har ett filnamn som ${fileNameProblem}`] });
    }
  } else {
    const valueProblem = textProblem(String(part.value));
    if (valueProblem) {
      problems.push({ field: part.fieldname, problems: [valueProblem] });
    }
  }
  if (problems.length > 0) {
    throw invalidFields(problems);
  }
}

function incoming(part: MultipartFile): IncomingFile {
  return {
    fileName: cleanFileName(part.filename.normalize('NFC')),
    declaredMediaType: part.mimetype,
    stream: part.file,
    truncated: () => part.file.truncated,
  };
}

/**
 * Reading a form fails with the parser's own error when the form is malformed (a broken
 * boundary, a form cut short): that is the sender's mistake, answered 400, not a server fault.
 * Errors with a status of their own (limits: 413) and the product's own pass as they are.
 */
async function reading<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof DomainError || typeof (error as { statusCode?: unknown }).statusCode === 'number') {
      throw error;
    }
    throw new DomainError(
      'request.multipart_invalid',
      ErrorKind.Invalid,
      'Formuläret kunde inte läsas som multipart/form-data. Skicka fälten först och filen sist, och försök igen.',
    );
  }
}

/**
 * Reads a multipart form with one file: the fields sent before the file, and the file as a
 * stream (never buffered whole). Fields after the file are not seen, so clients send them first.
 */
export async function readSingleFile(
  request: FastifyRequest,
): Promise<{ fields: Record<string, string>; file: IncomingFile }> {
  const part = await reading(() => request.file());
  if (!part) {
    throw new DomainError('request.file_missing', ErrorKind.Invalid, 'Formuläret saknar en fil (fältet file).', {
      errors: [{ field: 'file', problems: ['måste anges'] }],
    });
  }
  const fields: Record<string, string> = {};
  for (const [name, value] of Object.entries(part.fields)) {
    const field = Array.isArray(value) ? value[0] : value;
    if (field && field.type === 'field' && name !== part.fieldname) {
      checkPart(field);
      fields[name] = normalisedText(name, String(field.value));
    }
  }
  checkPart(part);
  return { fields, file: incoming(part) };
}

/**
 * Reads a multipart form with several files (at most MAX_FILES_PER_FORM), yielding each with the
 * title given in the field `title` just before it (or its file name). Fields seen so far are in
 * `fields`.
 */
export async function* readFiles(
  request: FastifyRequest,
  fields: Record<string, string>,
): AsyncGenerator<{ title: string; file: IncomingFile }> {
  const parts = request.parts({ limits: { files: MAX_FILES_PER_FORM } })[Symbol.asyncIterator]();
  let title: string | undefined;
  for (;;) {
    const next = await reading(() => parts.next());
    if (next.done) {
      return;
    }
    const part = next.value;
    checkPart(part);
    if (part.type === 'field') {
      if (part.fieldname === 'title') {
        title = normalisedText('title', String(part.value));
      } else {
        fields[part.fieldname] = normalisedText(part.fieldname, String(part.value));
      }
      continue;
    }
    const file = incoming(part);
    yield { title: title?.trim() || file.fileName.replace(/\.[^.]+$/, ''), file };
    title = undefined;
  }
}

/** The parser's own refusals, by their codes. */
interface MultipartLimitError {
  readonly code?: string;
}

function onlyOneFile(name: string): DomainError {
  return new DomainError(
    'request.one_file_expected',
    ErrorKind.Invalid,
    `Formuläret ska innehålla exakt en del: filen i fältet ${name}, och inget annat.`,
    { errors: [{ field: name, problems: ['ska vara formulärets enda del'] }] },
  );
}

function fileTooLarge(max: number): DomainError {
  return new DomainError(
    'request.file_too_large',
    ErrorKind.PayloadTooLarge,
    `Filen är större än ${max} byte (${Math.floor(max / (1024 * 1024))} MiB), det största som tas emot.`,
    { maxBytes: max },
  );
}

/**
 * Reads a multipart form that holds exactly one part, a file in the field `name`, into memory:
 * any other field, a second file or a file under another name is refused (400), and a file
 * larger than `max` bytes too (413) — never judged by its first `max` bytes.
 */
export async function readOnlyFile(
  request: FastifyRequest,
  name: string,
  max: number,
): Promise<{ fileName: string; declaredMediaType: string; bytes: Buffer }> {
  let found: { fileName: string; declaredMediaType: string; bytes: Buffer } | undefined;
  try {
    for await (const part of request.parts()) {
      if (part.type !== 'file' || part.fieldname !== name || found) {
        if (part.type === 'file') {
          part.file.resume();
        }
        throw onlyOneFile(name);
      }
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of part.file as AsyncIterable<Buffer>) {
        size += chunk.length;
        if (size > max) {
          throw fileTooLarge(max);
        }
        chunks.push(chunk);
      }
      if (part.file.truncated) {
        throw fileTooLarge(max);
      }
      found = { fileName: part.filename, declaredMediaType: part.mimetype, bytes: Buffer.concat(chunks) };
    }
  } catch (error) {
    const code = (error as MultipartLimitError).code;
    if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') {
      throw onlyOneFile(name);
    }
    if (code === 'FST_REQ_FILE_TOO_LARGE') {
      throw fileTooLarge(max);
    }
    throw error;
  }
  if (!found) {
    throw new DomainError('request.file_missing', ErrorKind.Invalid, `Formuläret saknar en fil (fältet ${name}).`, {
      errors: [{ field: name, problems: ['måste anges'] }],
    });
  }
  return found;
}
