export * from './Button';
export * from './cx';
export * from './ErrorAlert';
export * from './FlowFrame';
export * from './RecoveryKitPanel';
export * from './TextField';
export * from './useKitMessages';
export * from './useIsomorphicLayoutEffect';
