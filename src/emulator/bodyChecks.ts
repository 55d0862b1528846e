import { badRequest } from './EmulatorHttpError';

/** A parsed JSON object body. */
export type JsonObject = Record<string, unknown>;

/** The body as an object, or 400. */
export function asObject(value: unknown, field = 'body'): JsonObject {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw badRequest(field === 'body' ? 'request body must be a JSON object' : `${field} must be an object`, {
      field,
    });
  }
  return value as JsonObject;
}

/** A required non-empty string field, or 400 `<field> is required` / `<field> must be a string`. */
export function requireString(body: JsonObject, field: string, prefix = ''): string {
  const value = body[field];
  if (value === undefined || value === null || value === '') {
    throw badRequest(`${prefix}${field} is required`, { field: `${prefix}${field}` });
  }
  if (typeof value !== 'string') throw badRequest(`${prefix}${field} must be a string`, { field: `${prefix}${field}` });
  return value;
}

/** An optional string field, or 400 when present with another type. */
export function optionalString(body: JsonObject, field: string, prefix = ''): string | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw badRequest(`${prefix}${field} must be a string`, { field: `${prefix}${field}` });
  return value;
}

/** An optional boolean field, or 400 when present with another type. */
export function optionalBoolean(body: JsonObject, field: string): boolean | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') throw badRequest(`${field} must be a boolean`, { field });
  return value;
}

/** A required object field, or 400. */
export function requireObject(body: JsonObject, field: string, prefix = ''): JsonObject {
  const value = body[field];
  if (value === undefined || value === null) throw badRequest(`${prefix}${field} is required`, { field: `${prefix}${field}` });
  return asObject(value, `${prefix}${field}`);
}

/** An optional object field, or 400 when present with another type. */
export function optionalObject(body: JsonObject, field: string, prefix = ''): JsonObject | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  return asObject(value, `${prefix}${field}`);
}

/** A required string field restricted to `allowed`, or 400 naming the allowed values. */
export function requireOneOf<T extends string>(body: JsonObject, field: string, allowed: readonly T[], prefix = ''): T {
  const value = requireString(body, field, prefix);
  if (!(allowed as readonly string[]).includes(value)) {
    throw badRequest(`${prefix}${field} must be one of ${allowed.join(', ')}`, { field: `${prefix}${field}`, allowed });
  }
  return value as T;
}
