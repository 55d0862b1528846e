import { describe, expect, it } from 'vitest';
import { recoverUser } from '../../src/api';
import { recoverUserBody, registrationResult } from './fixtures/wire';
import { JSON_TEMP, TEMP_TOKEN, TEST_BASE_URL, clientWith, jsonReply, sent } from './recordingFetch';

describe('recoverUser with bodyText', () => {
  it('sends the pre-serialised body byte for byte, with the temporary token as a bearer token', async () => {
    // Whitespace and key order that JSON.stringify of the parsed object would not reproduce.
    const bodyText = `{"recovery": ${JSON.stringify(recoverUserBody.recovery)},  "newCredentials":${JSON.stringify(recoverUserBody.newCredentials)}}`;
    const { client, calls } = clientWith([jsonReply(registrationResult)]);
    const result = await recoverUser(client, { temporaryAuthenticationToken: TEMP_TOKEN, bodyText });
    expect(sent(calls[0])).toEqual({
      url: `${TEST_BASE_URL}/auth/recover/user`,
      method: 'POST',
      headers: JSON_TEMP,
      body: bodyText,
    });
    expect(result).toEqual(registrationResult);
  });

  it('still stringifies an object body when no bodyText is given', async () => {
    const { client, calls } = clientWith([jsonReply(registrationResult)]);
    await recoverUser(client, { temporaryAuthenticationToken: TEMP_TOKEN, body: recoverUserBody });
    expect(calls[0]?.body).toBe(JSON.stringify(recoverUserBody));
  });
});
