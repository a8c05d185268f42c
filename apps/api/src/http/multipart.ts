import { DomainError, ErrorKind } from '@app/platform';
import type { IncomingFile } from '@app/registry';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import type { FastifyRequest } from 'fastify';

import { validationProblem } from './validation.js';

/**
 * Validates plain fields (a multipart form's, or a JSON body read by hand) against a DTO class
 * with the same rules and Swedish answers as every other body.
 */
export function validateFields<T extends object>(type: new () => T, fields: Record<string, unknown>): T {
  const instance = plainToInstance(type, fields);
  const errors = validateSync(instance, { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true });
  if (errors.length > 0) {
    throw validationProblem(errors);
  }
  return instance;
}

export function isMultipart(request: FastifyRequest): boolean {
  return request.isMultipart();
}

/**
 * Reads a multipart form with one file: the fields sent before the file, and the file as a
 * stream (never buffered whole). Fields after the file are not seen, so clients send them first.
 */
export async function readSingleFile(
  request: FastifyRequest,
): Promise<{ fields: Record<string, string>; file: IncomingFile }> {
  const part = await request.file();
  if (!part) {
    throw new DomainError('request.file_missing', ErrorKind.Invalid, 'Formuläret saknar en fil (fältet file).');
  }
  const fields: Record<string, string> = {};
  for (const [name, value] of Object.entries(part.fields)) {
    const field = Array.isArray(value) ? value[0] : value;
    if (field && field.type === 'field' && name !== part.fieldname) {
      fields[name] = String(field.value);
    }
  }
  return {
    fields,
    file: {
      fileName: part.filename,
      declaredMediaType: part.mimetype,
      stream: part.file,
      truncated: () => part.file.truncated,
    },
  };
}

/**
 * Reads a multipart form with several files, yielding each with the title given in the field
 * `title` just before it (or its file name). Fields seen so far are in `fields`.
 */
export async function* readFiles(
  request: FastifyRequest,
  fields: Record<string, string>,
): AsyncGenerator<{ title: string; file: IncomingFile }> {
  let title: string | undefined;
  for await (const part of request.parts()) {
    if (part.type === 'field') {
      if (part.fieldname === 'title') {
        title = String(part.value);
      } else {
        fields[part.fieldname] = String(part.value);
      }
      continue;
    }
    yield {
      title: title?.trim() || part.filename.replace(/\.[^.]+$/, ''),
      file: {
        fileName: part.filename,
        declaredMediaType: part.mimetype,
        stream: part.file,
        truncated: () => part.file.truncated,
      },
    };
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
