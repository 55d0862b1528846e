/**
 * The live region's text for a step: empty while the kit's own alert or success panel is on screen
 * (each is read when it appears, so announcing it here too would say it twice); a render prop shows
 * neither, so it keeps the text.
 */
export function statusLine(status: string, text: string, renderProp: boolean): string {
  return (status === 'success' || status === 'error') && !renderProp ? '' : text;
}
