import type { Schema, StandardSchemaV1 } from './validators';

/** The vendor name of the kit's Standard Schemas: how `sendRequest` tells them from another library's. */
export const VENDOR = 'dfns-react-kit';

/**
 * True for a schema made by the kit's validators, which check synchronously and never quote a
 * value. Decided by the vendor name: another library's schema may also have a `check` method (zod's does).
 */
export const isOwnSchema = <T>(schema: StandardSchemaV1<unknown, T>): schema is Schema<T> => schema['~standard'].vendor === VENDOR;
