import { lazyPart } from '../lazyPart';

/**
 * The recovery-key crypto (`src/keys/recoveryKeyCrypto`) in a chunk of its own. A flow that makes
 * or unlocks a recovery key preloads it when it starts (after any prompt of that click) and awaits
 * `load()` at the step; a chunk that does not arrive fails that step with a retryable `network_error`.
 */
export const recoveryKeyCrypto = lazyPart(() => import('../keys/recoveryKeyCrypto'));
