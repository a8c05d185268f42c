import { Logger } from '@nestjs/common';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

import { sendError } from './exception.filter.js';
import { type FieldProblem, invalidFields } from './validation.js';

const log = new Logger('http');

/** Deeper than any body the API takes; far below what would exhaust the stack of the code that reads it. */
export const MAX_JSON_DEPTH = 32;

const NUL = '\u0000';
/** A UTF-16 surrogate standing alone: no character, and PostgreSQL refuses to store it. */
const LONE_SURROGATE = /\p{Cs}/u;

/** How a field is named in an answer: a character that cannot be shown is written as its escape. */
function shown(name: string): string {
  // eslint-disable-next-line no-control-regex -- showing control characters is the point
  return name.replace(/[\u0000-\u001f\p{Cs}]/gu, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** What is wrong with a piece of text, if anything: the one check every string that comes in passes. */
export function textProblem(text: string): string | undefined {
  if (text.includes(NUL)) {
    return 'innehåller tecknet NUL, som inte är tillåtet';
  }
  if (LONE_SURROGATE.test(text)) {
    return 'innehåller ett ofullständigt tecken (ett ensamt UTF-16-surrogat)';
  }
  return undefined;
}

/**
 * Every text of a parsed value (object keys included) and its nesting depth, walked without
 * recursion so that no body can exhaust the stack. Returns the problems found, each with the
 * field it sits in (`sections.0.title`).
 */
export function inputProblems(value: unknown, root = ''): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const stack: { value: unknown; path: string; depth: number }[] = [{ value, path: root, depth: 0 }];
  while (stack.length > 0 && problems.length < 20) {
    const { value: current, path, depth } = stack.pop()!;
    if (typeof current === 'string') {
      const problem = textProblem(current);
      if (problem) {
        problems.push({ field: path || 'innehållet', problems: [problem] });
      }
      continue;
    }
    if (current === null || typeof current !== 'object') {
      continue;
    }
    if (depth >= MAX_JSON_DEPTH) {
      problems.push({
        field: path || 'innehållet',
        problems: [`är nästlat för djupt (högst ${MAX_JSON_DEPTH} nivåer)`],
      });
      break;
    }
    for (const [key, child] of Object.entries(current)) {
      const field = path ? `${path}.${shown(key)}` : shown(key);
      const keyProblem = textProblem(key);
      if (keyProblem) {
        problems.push({ field, problems: [`har ett fältnamn som ${keyProblem}`] });
        continue;
      }
      stack.push({ value: child, path: field, depth: depth + 1 });
    }
  }
  return problems;
}

/** Secrets are compared as given, byte for byte: a password set before stays the password. */
const SECRET_FIELD = /pass(?:word|phrase)/i;

/**
 * A field's text as stored and searched: in Unicode normal form C, whatever form it was typed in
 * (a Mac sends `å` as `a` and a combining ring; Windows as one character). Secrets stay as given.
 */
export function normalisedText(field: string, text: string): string {
  return SECRET_FIELD.test(field) ? text : text.normalize('NFC');
}

/** Every string of a parsed value in normal form C (secrets excepted), walked without recursion. */
function normaliseStrings(value: unknown): unknown {
  if (typeof value === 'string') {
    return value.normalize('NFC');
  }
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const current = stack.pop();
    if (current === null || typeof current !== 'object') {
      continue;
    }
    const record = current as Record<string, unknown>;
    for (const [key, child] of Object.entries(record)) {
      if (typeof child === 'string') {
        record[key] = normalisedText(key, child);
      } else {
        stack.push(child);
      }
    }
  }
  return value;
}

/**
 * Refuses, before anything reads them, requests whose query, path or body hold what no field
 * takes: a NUL character, a lone surrogate, or nesting deeper than any body of the API; then puts
 * every text in Unicode normal form C. The one place this is done for every route; multipart
 * forms are checked and normalised as they are read.
 */
export function installInputGuard(fastify: FastifyInstance): void {
  fastify.addHook('preValidation', async (request: FastifyRequest, reply: FastifyReply) => {
    const problems = [
      ...inputProblems(request.params),
      ...inputProblems(request.query),
      ...(request.isMultipart() ? [] : inputProblems(request.body)),
    ];
    if (problems.length > 0) {
      sendError(reply, request, invalidFields(problems), log);
      return reply;
    }
    request.query = normaliseStrings(request.query);
    if (!request.isMultipart()) {
      request.body = normaliseStrings(request.body);
    }
  });
}
