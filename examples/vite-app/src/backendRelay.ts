import { DfnsApiError, type ApiErrorCode } from 'dfns-react-kit';

/** The kit's code for a status the backend relayed from Dfns. */
function codeFor(status: number): ApiErrorCode {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 409) return 'conflict';
  if (status === 429) return 'rate_limited';
  if (status >= 500) return 'server_error';
  return 'http_error';
}

/**
 * Posts JSON to the customer backend and returns its JSON answer unchanged (the kit validates a
 * relayed Dfns challenge like any Dfns response). A refusal becomes a `DfnsApiError`, so the kit
 * shows it with its usual copy and retry.
 */
export async function postToBackend(backendUrl: string, path: string, body: unknown, signal?: AbortSignal): Promise<unknown> {
  const response = await fetch(`${backendUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal,
  });
  const answer: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const error = typeof answer === 'object' && answer !== null ? (answer as { error?: { message?: unknown } }).error : undefined;
    const apiMessage = typeof error?.message === 'string' ? error.message : undefined;
    const code = codeFor(response.status);
    throw new DfnsApiError(code, `POST ${path} (customer backend) failed with HTTP ${response.status}: ${apiMessage ?? 'no message'}.`, {
      status: response.status,
      apiMessage,
      body: answer,
      method: 'POST',
      path,
      retryable: code === 'rate_limited' || code === 'server_error',
    });
  }
  return answer;
}
