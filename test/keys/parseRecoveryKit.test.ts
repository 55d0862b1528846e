import { describe, expect, it } from 'vitest';
import { generateRecoveryCode } from '../../src/keys/recoveryCode';
import { parseRecoveryKit, RECOVERY_KEY_ID_LABELS, USERNAME_LABELS } from '../../src/keys/parseRecoveryKit';
import { englishMessages } from '../../src/messages/en';
import { germanMessages } from '../../src/messages/de';
import { recoveryKitText } from '../../src/messages/recoveryKitText';
import { sampleKit } from './sampleKit';

const kit = sampleKit;

describe('parseRecoveryKit', () => {
  it('reads the code, key id and username from the English kit file', () => {
    expect(parseRecoveryKit(recoveryKitText(kit, englishMessages))).toEqual({
      recoveryCode: kit.recoveryCode,
      recoveryKeyId: kit.credId,
      username: kit.username,
    });
  });

  it('reads the code, key id and username from the German kit file', () => {
    expect(parseRecoveryKit(recoveryKitText(kit, germanMessages))).toEqual({
      recoveryCode: kit.recoveryCode,
      recoveryKeyId: kit.credId,
      username: kit.username,
    });
  });

  it('reads a German kit whose umlauts were saved decomposed (NFD) and with CRLF line ends', () => {
    const text = recoveryKitText(kit, germanMessages).normalize('NFD').replace(/\n/g, '\r\n');
    expect(parseRecoveryKit(text)).toMatchObject({ recoveryCode: kit.recoveryCode, recoveryKeyId: kit.credId });
  });

  it('knows every recovery key id and username label of the shipped catalogues', () => {
    for (const messages of [englishMessages, germanMessages]) {
      expect(RECOVERY_KEY_ID_LABELS).toContain(messages.recoveryKit.recoveryKeyId);
      expect(RECOVERY_KEY_ID_LABELS).toContain(messages.labels.recoveryKeyId);
      expect(USERNAME_LABELS).toContain(messages.recoveryKit.username);
    }
  });

  it('takes the key id after its label even when other 43-character values appear first', () => {
    const decoy = 'x'.repeat(43);
    const text = `Note ${decoy}\nrecovery code: d1-abcdef-ghjkl-mnpqr-stuvw-xyz23-456789\nRecovery Key ID\n  ${kit.credId}\n`;
    expect(parseRecoveryKit(text)).toEqual({ recoveryCode: kit.recoveryCode, recoveryKeyId: kit.credId });
  });

  it('accepts a note where the code and the only key id just appear, normalising the code', () => {
    const text = `my dfns backup d1 abcdef ghjkl\nD1-abcdef-ghjkl-mnpqr-stuvw-xyz23-456789 and ${kit.credId}`;
    expect(parseRecoveryKit(text)).toEqual({ recoveryCode: kit.recoveryCode, recoveryKeyId: kit.credId });
  });

  it('leaves the key id out when an unlabelled text has several candidates', () => {
    const text = `${generateRecoveryCode()} ${kit.credId} ${'y'.repeat(43)}`;
    expect(parseRecoveryKit(text).recoveryKeyId).toBeUndefined();
  });

  it('ignores a value longer than a key id after the label', () => {
    expect(parseRecoveryKit(`Recovery key ID: ${kit.credId}AB`).recoveryKeyId).toBeUndefined();
  });

  it('returns a malformed code as found, so the form can flag it', () => {
    expect(parseRecoveryKit('Recovery code: D1-ABC-DEF').recoveryCode).toBe('D1-ABC-DEF');
  });

  it('finds nothing in an unrelated file', () => {
    expect(parseRecoveryKit('Shopping list\n- milk\n- D1 batteries')).toEqual({});
  });

  it('uses extra labels given by the app', () => {
    const text = `Clé de récupération : ${kit.credId}\nAutre: ${'z'.repeat(43)}`;
    expect(parseRecoveryKit(text, { recoveryKeyIdLabels: ['Clé de récupération'] }).recoveryKeyId).toBe(kit.credId);
  });
});
