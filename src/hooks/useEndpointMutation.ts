'use client';
import {
  useMutation,
  useQueryClient,
  type MutateOptions,
  type UseMutationOptions,
  type UseMutationResult,
} from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import type { DfnsAuthError } from '../errors';
import { warnDeveloper } from '../provider/warnDeveloper';
import { concealFields, concealResult, revealResult, type Concealable } from '../query/conceal';
import type { EndpointMutationOptions } from '../query/endpointMutationOptions';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** Options an app may pass to an endpoint hook: react-query's, minus what the kit owns. */
export type EndpointHookOptions<TData, TVariables> = Omit<
  UseMutationOptions<TData, DfnsAuthError, TVariables>,
  'mutationFn' | 'mutationKey' | 'retry' | 'gcTime' | 'meta'
>;

/** An endpoint hook's result: react-query's, with `mutate` taking plain (unconcealed) variables. */
export type EndpointMutationResult<TData, TParams extends object, K extends keyof TParams> = DistributiveOmit<
  UseMutationResult<TData, DfnsAuthError, Concealable<TParams, K>>,
  'mutate' | 'mutateAsync'
> & {
  mutate: (variables: TParams, options?: MutateOptions<TData, DfnsAuthError, Concealable<TParams, K>>) => void;
  mutateAsync: (variables: TParams, options?: MutateOptions<TData, DfnsAuthError, Concealable<TParams, K>>) => Promise<TData>;
};

/**
 * `useMutation` over an endpoint's options that conceals its secret variables and the secret
 * fields of its answer (tokens, temporary tokens, codes) before they reach the mutation cache,
 * hands the app the plain answer (`data`, `onSuccess`, `onSettled`, `mutateAsync`), and runs
 * `afterSuccess` (e.g. invalidating the credential list) before the app's own `onSuccess`.
 */
export function useEndpointMutation<TData, TParams extends object, K extends keyof TParams>(
  endpoint: EndpointMutationOptions<TData, TParams, K>,
  options: EndpointHookOptions<TData, Concealable<TParams, K>> | undefined,
  afterSuccess?: (queryClient: ReturnType<typeof useQueryClient>) => Promise<unknown> | void,
): EndpointMutationResult<TData, TParams, K> {
  const queryClient = useQueryClient();
  const mutation = useMutation<TData, DfnsAuthError, Concealable<TParams, K>>({
    ...options,
    ...endpoint,
    mutationFn: async (variables) => concealResult(await endpoint.mutationFn(variables)),
    onSuccess: async (data, variables, onMutateResult, context) => {
      await afterSuccess?.(queryClient);
      await options?.onSuccess?.(revealResult(data), variables, onMutateResult, context);
    },
    onSettled: async (data, error, variables, onMutateResult, context) => {
      await options?.onSettled?.(revealResult(data), error, variables, onMutateResult, context);
    },
    onError: async (error, variables, onMutateResult, context) => {
      warnDeveloper(error);
      await options?.onError?.(error, variables, onMutateResult, context);
    },
  });
  const secretFields = endpoint.meta.secretFields;
  const { mutate: rawMutate, mutateAsync: rawMutateAsync } = mutation;
  const mutate = useCallback<EndpointMutationResult<TData, TParams, K>['mutate']>(
    (variables, mutateOptions) => rawMutate(concealFields(variables, secretFields), revealing(mutateOptions)),
    [rawMutate, secretFields],
  );
  const mutateAsync = useCallback<EndpointMutationResult<TData, TParams, K>['mutateAsync']>(
    (variables, mutateOptions) =>
      rawMutateAsync(concealFields(variables, secretFields), revealing(mutateOptions)).then((data) => revealResult(data)),
    [rawMutateAsync, secretFields],
  );
  // One plain copy per answer, so `data` keeps its identity across renders.
  const data = useMemo(() => revealResult(mutation.data), [mutation.data]);
  return { ...mutation, data, mutate, mutateAsync } as EndpointMutationResult<TData, TParams, K>;
}

/** Per-call `mutate` options whose callbacks get the plain answer. */
function revealing<TData, TVariables>(
  options: MutateOptions<TData, DfnsAuthError, TVariables> | undefined,
): MutateOptions<TData, DfnsAuthError, TVariables> | undefined {
  if (!options) return undefined;
  const { onSuccess, onSettled } = options;
  return {
    ...options,
    onSuccess: onSuccess && ((data, ...rest) => onSuccess(revealResult(data), ...rest)),
    onSettled: onSettled && ((data, ...rest) => onSettled(data === undefined ? data : revealResult(data), ...rest)),
  };
}
