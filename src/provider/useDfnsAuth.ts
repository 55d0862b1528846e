'use client';
import { useContext } from 'react';
import { DfnsAuthError } from '../errors';
import { DfnsAuthContext, type DfnsAuthContextValue } from './DfnsAuthContext';
import { warnDeveloper } from './warnDeveloper';

/**
 * The provider's configuration and client. Throws, naming the calling hook and the fix, when
 * used outside `<DfnsAuthProvider>`.
 *
 * @example
 * const { client, rp } = useDfnsAuth();
 */
export function useDfnsAuth(hookName = 'useDfnsAuth'): DfnsAuthContextValue {
  const value = useContext(DfnsAuthContext);
  if (!value) {
    const error = new DfnsAuthError(
      'config_error',
      // The how-to is for the developer: development builds only, as warnDeveloper is.
      process.env.NODE_ENV !== 'production'
        ? `${hookName} must be used inside <DfnsAuthProvider>. Wrap your app (or this component) in <DfnsAuthProvider orgId="or-…" rp={{ id, name }}> from 'dfns-react-kit'.`
        : `${hookName} must be used inside <DfnsAuthProvider>.`,
    );
    warnDeveloper(error);
    throw error;
  }
  return value;
}
