/**
 * `dfns-react-kit`: the provider, hooks and components for the Dfns authentication ceremonies.
 */
export * from './errors';
export type * from './api/types';
