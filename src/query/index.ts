export * from './dfnsKeys';
export * from './conceal';
export * from './endpointMutationOptions';
export * from './mutationOptions';
export * from './credentialsQueryOptions';
