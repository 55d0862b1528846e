/**
 * The few validators the response schemas need, as Standard Schemas (https://standardschema.dev):
 * a library such as valibot or zod spends 6 KB or more of every customer's bundle on checks the
 * Dfns responses never use. Messages name the field and the expected type, never the value (a
 * token could sit where a string was not expected); short enum-like strings are the exception.
 */
import { describeIssue } from './describeIssues';
import { VENDOR } from './isOwnSchema';

/** Where a field sits in the response: object keys and array indexes. */
export type IssuePath = readonly (string | number)[];

/** One problem found in a value: where, and what was expected. */
export interface SchemaIssue {
  readonly message: string;
  readonly path: IssuePath;
}

/** The result of a Standard Schema validation. */
export type SchemaResult<T> = { readonly value: T; readonly issues?: undefined } | { readonly issues: readonly SchemaIssue[] };

/** The Standard Schema v1 interface (valibot, zod, arktype and these validators implement it). */
export interface StandardSchemaV1<Input = unknown, Output = Input> {
  readonly '~standard': {
    readonly version: 1;
    readonly vendor: string;
    readonly validate: (value: unknown) => StandardSchemaV1.Result<Output> | Promise<StandardSchemaV1.Result<Output>>;
    readonly types?: { readonly input: Input; readonly output: Output } | undefined;
  };
}

/** The result and issue types of the Standard Schema v1 interface. */
export declare namespace StandardSchemaV1 {
  /** What `validate` gives back. */
  type Result<Output> = { readonly value: Output; readonly issues?: undefined } | { readonly issues: readonly Issue[] };
  /** One issue as any Standard Schema reports it. */
  interface Issue {
    readonly message: string;
    readonly path?: ReadonlyArray<PropertyKey | { readonly key: PropertyKey }> | undefined;
  }
}

/** A validator of this kit: a Standard Schema that also runs synchronously inside its parent. */
export interface Schema<T> extends StandardSchemaV1<unknown, T> {
  /** Checks `input` at `path`, pushing what is wrong to `issues`; returns the (possibly transformed) value. */
  readonly run: (input: unknown, path: IssuePath, issues: SchemaIssue[]) => T;
  /** Synchronous `validate`. */
  readonly check: (input: unknown) => SchemaResult<T>;
  /** Set by `optional`: the key may be absent from an object. */
  readonly optional?: true;
}

/** The output type of a schema. */
export type Infer<S> = S extends Schema<infer T> ? T : never;

function schema<T>(run: Schema<T>['run'], optional?: true): Schema<T> {
  const check = (input: unknown): SchemaResult<T> => {
    const issues: SchemaIssue[] = [];
    const value = run(input, [], issues);
    return issues.length > 0 ? { issues } : { value };
  };
  return { run, check, optional, '~standard': { version: 1, vendor: VENDOR, validate: check } } as Schema<T>;
}

function typeOf(input: unknown): string {
  return input === null ? 'null' : Array.isArray(input) ? 'array' : typeof input;
}

/** Records that `input` at `path` is not what was expected; returns the input so callers can go on. */
function fail<T>(issues: SchemaIssue[], path: IssuePath, expected: string, input: unknown, quote?: boolean): T {
  const received = quote && typeof input === 'string' && /^[\w-]{1,40}$/.test(input) ? JSON.stringify(input) : typeOf(input);
  issues.push({ path, message: input === undefined ? 'missing' : `expected ${expected}, received ${received}` });
  return input as T;
}

const primitive = <T>(type: string): Schema<T> =>
  schema((input, path, issues) => (typeof input === type ? (input as T) : fail(issues, path, type, input)));

// Functions, not `primitive('string')` constants: a bundler keeps every top-level call, so a
// constant would ship these validators to apps that never validate anything.
/** A string. */
export const string = (): Schema<string> => primitive('string');
/** A number. */
export const number = (): Schema<number> => primitive('number');
/** A boolean. */
export const boolean = (): Schema<boolean> => primitive('boolean');

/** One of a few strings. */
export const picklist = <const T extends readonly string[]>(options: T): Schema<T[number]> =>
  schema((input, path, issues) =>
    options.includes(input as string)
      ? (input as T[number])
      : fail(issues, path, options.map((option) => JSON.stringify(option)).join(' | '), input, true),
  );

/** `undefined`, or what `inner` accepts; as an object entry, the key may be absent. */
export const optional = <T>(inner: Schema<T>): Schema<T | undefined> & { readonly optional: true } =>
  schema<T | undefined>((input, path, issues) => (input === undefined ? undefined : inner.run(input, path, issues)), true) as Schema<
    T | undefined
  > & { readonly optional: true };

/** An array whose every item `item` accepts. */
export const array = <T>(item: Schema<T>): Schema<T[]> =>
  schema((input, path, issues) =>
    Array.isArray(input) ? input.map((entry, index) => item.run(entry, [...path, index], issues)) : fail(issues, path, 'array', input),
  );

type Entries = Record<string, Schema<unknown>>;
type OptionalKeys<E extends Entries> = { [K in keyof E]: E[K] extends { optional: true } ? K : never }[keyof E];
type Simplify<T> = { [K in keyof T]: T[K] } & {};
/** The output of `looseObject(entries)`: the known keys typed, any other key passed through. */
export type ObjectOutput<E extends Entries> = Simplify<
  { [K in Exclude<keyof E, OptionalKeys<E>>]: Infer<E[K]> } & { [K in OptionalKeys<E>]?: Infer<E[K]> }
>;

/** An object with these entries; other keys pass through untouched (Dfns may add fields). */
export const looseObject = <E extends Entries>(entries: E): Schema<ObjectOutput<E> & Record<string, unknown>> =>
  schema((input, path, issues) => {
    if (typeOf(input) !== 'object') return fail(issues, path, 'object', input);
    const source = input as Record<string, unknown>;
    const output: Record<string, unknown> = { ...source };
    for (const key in entries) {
      const value = entries[key]!.run(source[key], [...path, key], issues);
      if (value !== undefined || key in source) output[key] = value;
    }
    return output as ObjectOutput<E> & Record<string, unknown>;
  });

/** The first of `options` that accepts the value; when none does, one issue lists what each missed. */
export const union = <O extends readonly Schema<unknown>[]>(options: O): Schema<Infer<O[number]>> =>
  schema((input, path, issues) => {
    const missed: SchemaIssue[][] = [];
    for (const option of options) {
      const own: SchemaIssue[] = [];
      const value = option.run(input, path, own);
      if (own.length === 0) return value as Infer<O[number]>;
      missed.push(own);
    }
    // What each shape missed is for the developer (development builds only, as in `sendRequest`).
    const detail =
      process.env.NODE_ENV !== 'production' ? ` (${missed.map((own) => own.map(describeIssue).join(', ')).join(' | ')})` : '';
    issues.push({ path, message: `matches none of the expected shapes${detail}` });
    return input as Infer<O[number]>;
  });

/** What `inner` accepts, then `transform`ed (only when it was valid). */
export const map = <T, U>(inner: Schema<T>, transform: (value: T) => U): Schema<U> =>
  schema((input, path, issues) => {
    const before = issues.length;
    const value = inner.run(input, path, issues);
    return issues.length > before ? (value as unknown as U) : transform(value);
  });

/** `prepare`s the raw input, then checks it with `inner`. */
export const preprocess = <T>(prepare: (input: unknown) => unknown, inner: Schema<T>): Schema<T> =>
  schema((input, path, issues) => inner.run(prepare(input), path, issues));
