'use client';
import {
  useMutation,
  useQueryClient,
  type MutateOptions,
  type UseMutationOptions,
  type UseMutationResult,
} from '@tanstack/react-query';
import { useCallback } from 'react';
import type { DfnsAuthError } from '../errors';
import { warnDeveloper } from '../provider/warnDeveloper';
import { concealFields, type Concealable } from '../query/conceal';
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
 * `useMutation` over an endpoint's options that conceals its secret variables before they reach
 * the mutation cache, and runs `afterSuccess` (e.g. invalidating the credential list) before the
 * app's own `onSuccess`.
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
    onSuccess: async (data, variables, onMutateResult, context) => {
      await afterSuccess?.(queryClient);
      await options?.onSuccess?.(data, variables, onMutateResult, context);
    },
    onError: async (error, variables, onMutateResult, context) => {
      warnDeveloper(error);
      await options?.onError?.(error, variables, onMutateResult, context);
    },
  });
  const secretFields = endpoint.meta.secretFields;
  const { mutate: rawMutate, mutateAsync: rawMutateAsync } = mutation;
  const mutate = useCallback<EndpointMutationResult<TData, TParams, K>['mutate']>(
    (variables, mutateOptions) => rawMutate(concealFields(variables, secretFields), mutateOptions),
    [rawMutate, secretFields],
  );
  const mutateAsync = useCallback<EndpointMutationResult<TData, TParams, K>['mutateAsync']>(
    (variables, mutateOptions) => rawMutateAsync(concealFields(variables, secretFields), mutateOptions),
    [rawMutateAsync, secretFields],
  );
  return { ...mutation, mutate, mutateAsync } as EndpointMutationResult<TData, TParams, K>;
}
