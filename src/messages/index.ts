/** Every user-facing string of the kit, keyed: the English default, German, and helpers. */
export type { ComponentCopy, DeepPartial, DfnsMessages } from './types';
export { englishMessages } from './en';
export { germanMessages } from './de';
export { mergeMessages } from './mergeMessages';
export { errorMessage } from './errorMessage';
export { recoveryKitText } from './recoveryKitText';
