import { applyDecorators } from '@nestjs/common';
import { ApiResponse, getSchemaPath } from '@nestjs/swagger';

import { ProblemResponse } from './problem.responses.js';

/** What each error status means, as the API documentation says it. */
const PROBLEM_DESCRIPTION = {
  400: 'Begäran är felaktig: ett fält saknas, har fel form eller är okänt (se errors).',
  401: 'Ingen, ogiltig eller utgången inloggning: token, eller session (auth.session_expired när den gått ut).',
  403: 'Du saknar behörighet till detta.',
  404: 'Finns inte, eller tillhör en annan organisation.',
  409: 'Går inte i det läge saken är i nu.',
  413: 'Filen eller innehållet är för stort.',
  415: 'Innehållstypen stöds inte här.',
  422: 'Begäran är välformad men bryter mot en regel.',
  429: 'För många försök.',
  503: 'Tjänsten är inte tillgänglig just nu; försök igen.',
} as const;

export type ProblemStatus = keyof typeof PROBLEM_DESCRIPTION;

export const PROBLEM_MEDIA_TYPE = 'application/problem+json';

/** Documents one error answer with its own description. */
export function ApiProblem(status: ProblemStatus, description: string = PROBLEM_DESCRIPTION[status]): MethodDecorator {
  return ApiResponse({
    status,
    description,
    content: { [PROBLEM_MEDIA_TYPE]: { schema: { $ref: getSchemaPath(ProblemResponse) } } },
  });
}

/** Documents the error answers an operation can give, each an application/problem+json Problem. */
export function ApiProblems(...statuses: ProblemStatus[]): MethodDecorator {
  return applyDecorators(...statuses.map((status) => ApiProblem(status)));
}
