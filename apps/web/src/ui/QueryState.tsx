import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';

import { ApiError } from '../api/problem';
import { Button } from './Button';
import { uiMessages } from './messages';

/** What a person reads when something could not be fetched: the API's own words when it gave some. */
export function problemText(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 0) {
      return uiMessages.networkError;
    }
    return error.problem.detail || uiMessages.unexpectedError;
  }
  return uiMessages.unexpectedError;
}

/** Renders a query's data, or says that it is on its way or why it did not come. */
export function QueryState<T>({ query, children }: { query: UseQueryResult<T>; children: (data: T) => ReactNode }) {
  if (query.isPending) {
    return (
      <p className="muted" role="status">
        {uiMessages.loading}
      </p>
    );
  }
  if (query.isError) {
    return (
      <div className="notice notice--error" role="alert">
        <p>{problemText(query.error)}</p>
        <Button variant="secondary" onPress={() => void query.refetch()}>
          {uiMessages.tryAgain}
        </Button>
      </div>
    );
  }
  return <>{children(query.data)}</>;
}
