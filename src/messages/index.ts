/**
 * Every user-facing string of the kit, keyed: the English default and helpers. Other catalogues
 * are entries of their own (`dfns-react-kit/messages/de`), so an app pays only for the ones it imports.
 */
export type { ComponentCopy, DeepPartial, DfnsMessages } from './types';
export { englishMessages } from './en';
export { mergeMessages } from './mergeMessages';
export { errorMessage } from './errorMessage';
export { recoveryKitText } from './recoveryKitText';
