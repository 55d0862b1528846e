/**
 * A fake fetch for hook tests: answers by `METHOD path`, records every request. The hooks layer
 * is tested in isolation here; full flows run against the emulator elsewhere.
 */
export interface RoutedCall {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string | undefined;
}

type Route = (call: RoutedCall) => Response | Promise<Response>;

/** A JSON response. */
export const json = (body: unknown, status = 200): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** Builds a fetch that answers from `routes` (keyed `POST /auth/login/init`) and records calls. */
export function routeFetch(routes: Record<string, Route>) {
  const calls: RoutedCall[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url);
    const call: RoutedCall = {
      method: init?.method ?? 'GET',
      path: url.pathname,
      headers: Object.fromEntries(new Headers(init?.headers).entries()),
      body: typeof init?.body === 'string' ? init.body : undefined,
    };
    calls.push(call);
    const route = routes[`${call.method} ${call.path}`];
    if (!route) return json({ error: { status: 404, message: `no route for ${call.method} ${call.path}` } }, 404);
    return route(call);
  };
  return { fetch: fetch as typeof globalThis.fetch, calls };
}
