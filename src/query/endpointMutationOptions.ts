import type { UseMutationOptions } from '@tanstack/react-query';
import type { DfnsAuthError } from '../errors';
import { revealFields, type Concealable } from './conceal';
import { dfnsKeys } from './dfnsKeys';

/** react-query options of one Dfns endpoint mutation whose `K` fields are secrets. */
export type EndpointMutationOptions<TData, TParams extends object, K extends keyof TParams = never> = UseMutationOptions<
  TData,
  DfnsAuthError,
  Concealable<TParams, K>
> & {
  mutationKey: readonly unknown[];
  mutationFn: (variables: Concealable<TParams, K>) => Promise<TData>;
  /** The variable names whose values are secrets; hooks conceal them before `mutate`. */
  meta: { secretFields: readonly K[] };
};

/**
 * Builds the options of an endpoint mutation. Never retried: every Dfns challenge and user action
 * is single-use, so a retry could only fail or, worse, replay. `gcTime: 0` drops a finished
 * mutation (and any token in its `data`) from the cache as soon as no component observes it.
 */
export function endpointMutationOptions<TData, TParams extends object, K extends keyof TParams = never>(
  name: string,
  call: (params: TParams) => Promise<TData>,
  secretFields: readonly K[] = [],
): EndpointMutationOptions<TData, TParams, K> {
  return {
    mutationKey: dfnsKeys.mutation(name),
    mutationFn: (variables) => call(revealFields(variables, secretFields)),
    retry: false,
    gcTime: 0,
    meta: { secretFields },
  };
}
