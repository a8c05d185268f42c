import { keepPreviousData, queryOptions } from '@tanstack/react-query';

import { api } from '../../api/client';
import type { components, operations } from '../../api/openapi';
import { unwrap } from '../../api/problem';

export type CaseListQuery = NonNullable<operations['CasesController_search']['parameters']['query']>;
export type CaseSort = components['schemas']['CaseSort'];
export type SortOrder = components['schemas']['SortOrder'];
export type RecordsPlanEntry = components['schemas']['RecordsPlanEntryResponse'];

/** A page of the organisation's cases, as the diary asks for it (the page before stays shown while the next comes). */
export const caseListQuery = (query: CaseListQuery) =>
  queryOptions({
    queryKey: ['/api/v1/cases', query],
    queryFn: () => unwrap(api.GET('/api/v1/cases', { params: { query } })),
    placeholderData: keepPreviousData,
  });

/** The organisation's records plan (dokumenthanteringsplan), by code. */
export const recordsPlanQuery = queryOptions({
  queryKey: ['/api/v1/registry/records-plan'],
  queryFn: () => unwrap(api.GET('/api/v1/registry/records-plan')),
  staleTime: 60_000,
});
