/**
 * The path of a request as logged: without its query, and without the key a download link
 * carries in its path (whoever reads the log must not be able to open the remiss with it).
 */
export function pathForLog(url: string): string {
  return (url.split('?', 1)[0] ?? '').replace(/\/remissunderlag\/[^/]+/, '/remissunderlag/[hemlig]');
}
