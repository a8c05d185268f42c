/**
 * What an action did, said once it is done: a polite live region that is always in the page (so
 * a screen reader hears the message when it appears), shown as a success notice when it has one.
 */
export function StatusNotice({ message }: { message: string }) {
  return (
    <p role="status" className={message ? 'notice notice--success' : 'visually-hidden'}>
      {message}
    </p>
  );
}
