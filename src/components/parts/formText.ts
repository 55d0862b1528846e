/**
 * The text fields of a submitted form, read once from the DOM: uncontrolled fields keep secrets
 * (codes) out of React state. The reader gives `''` for a missing field.
 * @example const field = formText(event.currentTarget); start({ username: field('username') });
 */
export function formText(form: HTMLFormElement): (name: string) => string {
  const data = new FormData(form);
  return (name) => {
    const value = data.get(name);
    return typeof value === 'string' ? value : '';
  };
}
