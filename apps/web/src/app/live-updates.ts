import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';

import { invalidatePaths } from './query-client';

/** How often the screens ask again while the event stream is cut. */
export const POLL_INTERVAL_MS = 10_000;

/** What each kind of event changes, as the API paths whose queries are then stale. */
const STALE_PATHS: Readonly<Record<string, readonly string[]>> = {
  notifications: ['/api/v1/notifications'],
  'my-work': ['/api/v1/my-work'],
  statement: ['/api/v1/statements', '/api/v1/my-work'],
  'issued-document': ['/api/v1/issued-documents', '/api/v1/statements'],
};

/**
 * Keeps the screens current: one Server-Sent Events stream (`/api/v1/events`) tells what changed
 * for this person and the matching queries are fetched again. While the stream is cut every
 * screen in view is asked again every ten seconds, until the stream is back.
 */
export function useLiveUpdates(): 'stream' | 'polling' {
  const client = useQueryClient();
  const [mode, setMode] = useState<'stream' | 'polling'>('stream');
  const cut = useRef(false);

  useEffect(() => {
    const source = new EventSource('/api/v1/events');
    const refresh = (event: MessageEvent<string>): void => {
      void invalidatePaths(client, STALE_PATHS[event.type] ?? ['/api/v1/']);
    };
    for (const type of Object.keys(STALE_PATHS)) {
      source.addEventListener(type, refresh);
    }
    source.onopen = () => {
      if (cut.current) {
        // What happened while the stream was cut is not replayed: fetch everything in view.
        void client.invalidateQueries({ refetchType: 'active' });
      }
      cut.current = false;
      setMode('stream');
    };
    source.onerror = () => {
      cut.current = true;
      setMode('polling');
    };
    return () => source.close();
  }, [client]);

  useEffect(() => {
    if (mode !== 'polling') {
      return;
    }
    const timer = setInterval(() => void client.invalidateQueries({ refetchType: 'active' }), POLL_INTERVAL_MS);
    return () => clearInterval(timer);
  }, [client, mode]);

  return mode;
}
