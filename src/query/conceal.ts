/**
 * Keeps secrets (temporary tokens, one-time codes, user action tokens) out of react-query's
 * mutation cache. react-query stores each mutation's variables in `mutation.state.variables`,
 * which devtools display and persisters serialise. Hooks replace secret fields with an opaque
 * handle before `mutate`; the mutation function reveals them just before the request. Likewise
 * secret response fields (tokens, temporary tokens, codes) are concealed before react-query stores
 * them as the mutation's `data`, and revealed for the app by the hook.
 */

const vault = new WeakMap<object, string>();

/** An opaque stand-in for a secret string; prints as `[concealed]`. */
export interface Concealed {
  readonly concealed: true;
}

/** A variables object whose `K` fields may be concealed. */
export type Concealable<T, K extends keyof T> = Omit<T, K> & { [P in K]: T[P] | Concealed };

/** Wraps a secret in an opaque handle whose value lives only in a module-private WeakMap. */
export function conceal(secret: string): Concealed {
  const handle: Concealed = Object.freeze({
    concealed: true as const,
    toString: () => '[concealed]',
    toJSON: () => '[concealed]',
  });
  vault.set(handle, secret);
  return handle;
}

/** The secret behind a handle; plain strings (callers of the options factories) pass through. */
export function reveal<T>(value: T | Concealed): T {
  if (typeof value === 'object' && value !== null && vault.has(value)) return vault.get(value) as T;
  return value as T;
}

/** Conceals the named string fields of a variables object. */
export function concealFields<T extends object, K extends keyof T>(variables: T, keys: readonly K[]): Concealable<T, K> {
  const copy = { ...variables } as Record<PropertyKey, unknown>;
  for (const key of keys) {
    const value = copy[key];
    if (typeof value === 'string') copy[key] = conceal(value);
  }
  return copy as Concealable<T, K>;
}

/** Reveals the named fields of a variables object concealed by `concealFields`. */
export function revealFields<T extends object, K extends keyof T>(variables: Concealable<T, K>, keys: readonly K[]): T {
  const copy = { ...variables } as Record<PropertyKey, unknown>;
  for (const key of keys) copy[key] = reveal(copy[key]);
  return copy as T;
}

/** Response fields that are secrets: tokens, temporary tokens, user action tokens, one-time codes. */
const SECRET_RESULT_FIELDS: ReadonlySet<string> = new Set(['token', 'temporaryAuthenticationToken', 'userAction', 'code']);

/**
 * A response with its secret fields (`SECRET_RESULT_FIELDS`, at the top or one object down, such
 * as `authentication.token`) concealed, for what react-query stores as a mutation's `data`.
 */
export function concealResult<T>(data: T, depth = 0): T {
  if (!isPlainObject(data) || depth > 1) return data;
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    copy[key] = typeof value === 'string' && SECRET_RESULT_FIELDS.has(key) ? conceal(value) : concealResult(value, depth + 1);
  }
  return copy as T;
}

/** The response `concealResult` was given, with every secret revealed again (a new object). */
export function revealResult<T>(data: T, depth = 0): T {
  if (!isPlainObject(data) || depth > 1) return data;
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    copy[key] = typeof value === 'object' && value !== null && vault.has(value) ? reveal(value) : revealResult(value, depth + 1);
  }
  return copy as T;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
