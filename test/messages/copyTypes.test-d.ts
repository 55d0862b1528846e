// Type tests of the copy slices, checked by `tsc` in `npm test`: each component is typed by the
// English it ships, so reading a string outside its slices is a compile error, not a blank label.
import { expectTypeOf } from 'vitest';
import { frameCopy } from '../../src/messages/copy/frameCopy';
import { loginCopy } from '../../src/messages/copy/loginCopy';
import { recoverCopy } from '../../src/messages/copy/recoverCopy';
import { englishMessages } from '../../src/messages/en';
import { mergeCopy } from '../../src/messages/mergeCopy';
import type { DfnsMessages } from '../../src/messages/types';

const login = mergeCopy([frameCopy, loginCopy]);
expectTypeOf(login.buttons.signIn).toEqualTypeOf<string>();
expectTypeOf(login.locale).toEqualTypeOf<string>();
expectTypeOf(login.status.loginWithPasskey).toMatchTypeOf<DfnsMessages['status']['loginWithPasskey']>();
// @ts-expect-error the recovery form's labels are not in the sign-in's slices
void login.labels.recoveryCode;
// @ts-expect-error nor is the registration's status text
void login.status.registerPasskey;

// A catalogue laid over the slices keeps their type: the provider's German, or a partial override.
const recover = mergeCopy([frameCopy, recoverCopy], englishMessages, { buttons: { recover: 'Get my account back' } });
expectTypeOf(recover.labels.recoveryCode).toEqualTypeOf<string>();

// englishMessages is the whole catalogue, assembled from every slice.
expectTypeOf(englishMessages).toEqualTypeOf<DfnsMessages>();
