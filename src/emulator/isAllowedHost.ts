/** Host names the Node server always answers: the loopback names. */
export const LOOPBACK_HOSTS: readonly string[] = ['localhost', '127.0.0.1', '[::1]'];

/**
 * Whether a `Host` header names this machine: a loopback name, or one of `extraHosts`, with any
 * port (or none). Anything else (a DNS-rebound name such as `evil.example`, garbage, or no Host)
 * is refused, so a page on another site cannot reach the emulator through a name it controls.
 */
export function isAllowedHost(host: string | undefined, extraHosts: readonly string[] = []): boolean {
  if (!host) return false;
  const match = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::(\d{1,5}))?$/i.exec(host.trim());
  if (!match) return false;
  const name = match[1]!.toLowerCase();
  if (match[2] !== undefined && Number(match[2]) > 65535) return false;
  return LOOPBACK_HOSTS.includes(name) || extraHosts.some((extra) => extra.toLowerCase() === name);
}
