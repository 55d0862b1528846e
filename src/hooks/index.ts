export * from './endpointHooks';
export * from './useCredentials';
export * from './useDelegatedRecoveryInit';
export type { EndpointHookOptions, EndpointMutationResult } from './useEndpointMutation';
