import { DomainError, ErrorKind } from '@app/platform';
import type { IncomingFile } from '@app/registry';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import type { FastifyRequest } from 'fastify';

import { createValidationPipe } from './validation.js';

/**
 * Validates plain fields (a multipart form's, or a JSON body read by hand) against a DTO class
 * with the same rules and Swedish answers as every other body.
 */
export function validateFields<T extends object>(type: new () => T, fields: Record<string, unknown>): T {
  const instance = plainToInstance(type, fields);
  const errors = validateSync(instance, { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true });
  if (errors.length > 0) {
    throw createValidationPipe().createExceptionFactory()(errors) as Error;
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
