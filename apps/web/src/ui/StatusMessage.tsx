/**
 * What an action did, said once: read out by screen readers (a live region that is always on
 * the page, so that its first message is heard too) and shown as a success notice when there is one.
 */
export function StatusMessage({ text }: { text: string }) {
  return (
    <p role="status" className={text ? 'notice notice--success' : 'visually-hidden'}>
      {text}
    </p>
  );
}
