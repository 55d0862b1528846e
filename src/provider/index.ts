export * from './DfnsAuthContext';
export * from './DfnsAuthProvider';
export * from './useDfnsAuth';
