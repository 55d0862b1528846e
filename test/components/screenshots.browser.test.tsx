/// <reference types="@vitest/browser-playwright" />
/// <reference types="vite/client" />
/**
 * Screenshots of every component at its main states, in light, dark and German, with the kit's
 * stylesheet, for a person to look at (copied to /tmp/shots/components/, see OUT). Not an assertion suite: it
 * only drives the states and fails if one is not reached. The states of a later step's chunk on its
 * way or not arriving (issue 19) are in `chunkScreenshots.browser.test.tsx`, which mocks the chunks.
 *
 * Runs only when asked: `SCREENSHOTS=1 npx vitest run --project browser test/components/screenshots.browser.test.tsx`
 * (or VITE_SCREENSHOTS=1). The harness it shares with the chunk screenshots is `screenshotKit.tsx`.
 */
import '../../src/styles.css';
import { render, screen, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { page } from 'vitest/browser';
import { describe, expect, it } from 'vitest';
import { AddPasskey } from '../../src/components/AddPasskey';
import { ConfirmUserAction } from '../../src/components/ConfirmUserAction';
import { CreateRecoveryKey } from '../../src/components/CreateRecoveryKey';
import { CredentialList } from '../../src/components/CredentialList';
import { LoginWithPasskey } from '../../src/components/LoginWithPasskey';
import { RecoverAccount } from '../../src/components/RecoverAccount';
import { RegisterPasskey } from '../../src/components/RegisterPasskey';
import { DfnsAuthProvider } from '../../src/provider/DfnsAuthProvider';
import { createFakeAuthenticator } from '../../src/testing/index';
import type { PasskeyAuthenticator } from '../../src/webauthn/authenticator';
import { BASE_URL, RP } from './browserKit';
import { click, enabled, invite as inviteOn, member as memberOn, OUT, reach, renderShotGrid, settle, shootCell, software, user, useScreenshotEmulator, VARIANTS, type Variant } from './screenshotKit';

/** One state of a component: how to render it and how to drive it there inside its cell. */
interface Cell {
  state: string;
  ui: ReactNode;
  authenticator?: PasskeyAuthenticator | undefined;
  token?: string | undefined;
  drive?: ((cell: HTMLElement, variant: Variant) => Promise<void>) | undefined;
}

const emulatorOf = useScreenshotEmulator();
const member = (authenticator: PasskeyAuthenticator, options?: { recovery?: boolean; name?: string }) => memberOn(emulatorOf(), authenticator, options);
const invite = () => inviteOn(emulatorOf());

const saveKit = async (cell: HTMLElement, variant: Variant) => {
  await user().click(within(cell).getByRole('checkbox', { name: variant.messages.buttons.savedKit }));
  await click(cell, variant.messages.buttons.continue);
};

/** The states to show of each component, for `variant`. */
const COMPONENTS: Record<string, (variant: Variant) => Promise<Cell[]>> = {
  RegisterPasskey: async (v) => {
    const failing = invite();
    const kit = invite();
    const done = invite();
    return [
      { state: 'idle', ui: <RegisterPasskey /> },
      {
        state: 'error',
        authenticator: createFakeAuthenticator({ create: 'cancel' }),
        ui: <RegisterPasskey {...failing} />,
        drive: async (cell) => {
          await click(cell, v.messages.buttons.register);
          await reach(cell, 'error');
        },
      },
      {
        state: 'passkey-exists',
        authenticator: createFakeAuthenticator({ create: 'already-registered' }),
        ui: <RegisterPasskey {...invite()} onSignInInstead={() => undefined} onCancel={() => undefined} />,
        drive: async (cell) => {
          await click(cell, v.messages.buttons.register);
          await reach(cell, 'error');
        },
      },
      {
        state: 'recovery-kit',
        authenticator: software(),
        ui: <RegisterPasskey {...kit} />,
        drive: async (cell) => {
          await click(cell, v.messages.buttons.register);
          await reach(cell, 'showing-recovery-kit');
        },
      },
      {
        state: 'success',
        authenticator: software(),
        ui: <RegisterPasskey {...done} recoveryKey={false} />,
        drive: async (cell) => {
          await click(cell, v.messages.buttons.register);
          await reach(cell, 'success');
        },
      },
    ];
  },
  LoginWithPasskey: async (v) => {
    const device = software();
    const { username } = await member(device);
    return [
      { state: 'idle', ui: <LoginWithPasskey autofill={false} onCancel={() => undefined} /> },
      {
        state: 'busy',
        authenticator: createFakeAuthenticator({ get: 'hang' }),
        ui: <LoginWithPasskey autofill={false} />,
        drive: async (cell) => {
          await click(cell, v.messages.buttons.signInUsernameless);
          await reach(cell, 'awaiting-authenticator');
        },
      },
      {
        state: 'rate-limited',
        authenticator: device,
        ui: <LoginWithPasskey username={username} />,
        drive: async (cell) => {
          // One request a minute: the init passes, the login is refused with Retry-After.
          emulatorOf().setRateLimit(1);
          await click(cell, v.messages.buttons.signIn);
          await reach(cell, 'error');
          emulatorOf().setRateLimit(undefined);
        },
      },
      {
        state: 'branded',
        ui: (
          <>
            <style>{`.acme.dfns-kit { --dfns-accent: light-dark(#0f766e, #5eead4); --dfns-accent-hover: light-dark(#115e59, #99f6e4); --dfns-accent-fg: light-dark(#fff, #042f2e); --dfns-radius: 20px; --dfns-radius-control: 999px; --dfns-font: Georgia, serif; }`}</style>
            <LoginWithPasskey
              autofill={false}
              className="acme"
              logo={
                <svg role="img" aria-label="Acme" viewBox="0 0 120 32" width="120" height="32">
                  <rect x="0" y="4" width="24" height="24" rx="7" fill="#0f766e" />
                  <text x="32" y="23" fontSize="19" fontWeight="700" fill="currentColor">
                    Acme
                  </text>
                </svg>
              }
            />
          </>
        ),
      },
      {
        state: 'error',
        authenticator: createFakeAuthenticator({ get: 'cancel' }),
        ui: <LoginWithPasskey username={username} />,
        drive: async (cell) => {
          await click(cell, v.messages.buttons.signIn);
          await reach(cell, 'error');
        },
      },
      {
        state: 'success',
        authenticator: device,
        ui: <LoginWithPasskey username={username} />,
        drive: async (cell) => {
          await click(cell, v.messages.buttons.signIn);
          await reach(cell, 'success');
        },
      },
    ];
  },
  RecoverAccount: async (v) => {
    const { username } = await member(software(), { recovery: true });
    const codes = async (cell: HTMLElement) => {
      await user().type(within(cell).getByRole('textbox', { name: v.messages.labels.username }), username);
      await click(cell, v.messages.buttons.haveCode);
      await reach(cell, 'code-sent');
    };
    return [
      { state: 'idle', ui: <RecoverAccount /> },
      { state: 'codes', ui: <RecoverAccount />, drive: codes },
      {
        state: 'error',
        ui: <RecoverAccount />,
        drive: async (cell) => {
          await codes(cell);
          const field = (label: string) => within(cell).getByRole('textbox', { name: label });
          await user().type(field(v.messages.labels.verificationCode), 'WRONG-CODE');
          await user().type(field(v.messages.labels.recoveryCode), 'D1-AAAAAA-BBBBB-CCCCC-DDDDD-EEEEE-FFFFFF');
          await user().type(field(v.messages.labels.recoveryKeyId), 'cr-6kdk3-abcde-8s9ps6ltb2v5ncr0');
          await click(cell, v.messages.buttons.recover);
          await reach(cell, 'error');
        },
      },
    ];
  },
  AddPasskey: async (v) => {
    const laptop = software();
    const { token } = await member(laptop);
    const key = software();
    const devices: PasskeyAuthenticator = { create: (o, c) => key.create(o, c), get: (o, c) => laptop.get(o, c) };
    return [
      { state: 'idle', token, ui: <AddPasskey /> },
      {
        state: 'error',
        token,
        authenticator: createFakeAuthenticator({ create: 'already-registered' }),
        ui: <AddPasskey />,
        drive: async (cell) => {
          await click(cell, v.messages.buttons.addPasskey);
          await reach(cell, 'error');
        },
      },
      {
        state: 'success',
        token,
        authenticator: devices,
        ui: <AddPasskey />,
        drive: async (cell) => {
          await click(cell, v.messages.buttons.addPasskey);
          await reach(cell, 'success');
        },
      },
    ];
  },
  CreateRecoveryKey: async (v) => {
    const laptop = software();
    const { token } = await member(laptop);
    return [
      { state: 'idle', token, ui: <CreateRecoveryKey /> },
      {
        state: 'recovery-kit',
        token,
        authenticator: laptop,
        ui: <CreateRecoveryKey />,
        drive: async (cell) => {
          await click(cell, v.messages.buttons.addRecoveryKey);
          await reach(cell, 'showing-recovery-kit');
        },
      },
      {
        state: 'success',
        token,
        authenticator: laptop,
        ui: <CreateRecoveryKey />,
        drive: async (cell) => {
          await click(cell, v.messages.buttons.addRecoveryKey);
          await reach(cell, 'showing-recovery-kit');
          await saveKit(cell, v);
          await reach(cell, 'success');
        },
      },
    ];
  },
  CredentialList: async (v) => {
    const laptop = software();
    // A long unbroken name, as users paste them: it must wrap, not overflow the row.
    const { token } = await member(laptop, { recovery: true, name: 'Work-laptop-passkey-created-during-onboarding-2024-with-a-very-long-name' });
    const rowButton = (cell: HTMLElement, name: string) =>
      user().click(within(cell.querySelector<HTMLElement>('li[data-kind="RecoveryKey"]')!).getByRole('button', { name }));
    return [
      { state: 'ready', token, authenticator: laptop, ui: <CredentialList />, drive: (cell) => reach(cell, 'ready') },
      {
        state: 'confirm',
        token,
        authenticator: laptop,
        ui: <CredentialList />,
        drive: async (cell) => {
          await reach(cell, 'ready');
          await rowButton(cell, v.messages.buttons.deactivate);
        },
      },
      {
        state: 'row-error',
        token,
        authenticator: createFakeAuthenticator({ get: 'cancel' }),
        ui: <CredentialList />,
        drive: async (cell) => {
          await reach(cell, 'ready');
          await rowButton(cell, v.messages.buttons.deactivate);
          await rowButton(cell, v.messages.credentialList.confirmDeactivate);
          await within(cell).findByRole('alert', {}, { timeout: 8000 });
        },
      },
    ];
  },
  ConfirmUserAction: async (v) => {
    const laptop = software();
    const { token } = await member(laptop);
    const transfer = {
      method: 'POST',
      path: '/wallets/wa-1f04s-lqc9q-8bd8d3aa4nm5vu9d/transfers',
      body: { kind: 'Native', to: '0xd964e7f8e1bc5ab0fa3a9c5bd2d7a5c2e5b9f0a14c8e7d6b5a4f3e2d1c0b9a8f7', amount: '1000000000000000000' },
    } as const;
    const wallet = { method: 'POST', path: '/wallets', body: { network: 'EthereumSepolia', name: 'Treasury' } } as const;
    const approve = async (cell: HTMLElement, status: string) => {
      await click(cell, v.messages.buttons.approve);
      await reach(cell, status);
    };
    return [
      { state: 'idle', token, ui: <ConfirmUserAction request={transfer} summary={v.name === 'de' ? 'Senden Sie 1 ETH an 0xd964…9a8f7' : 'Send 1 ETH to 0xd964…9a8f7'} /> },
      {
        state: 'details-open',
        token,
        ui: <ConfirmUserAction request={transfer} />,
        drive: async (cell) => {
          await user().click(within(cell).getByText(v.messages.userAction.technicalDetails));
        },
      },
      {
        state: 'declined',
        token,
        ui: <ConfirmUserAction request={wallet} summary={v.name === 'de' ? 'Wallet „Treasury“ auf Ethereum Sepolia anlegen' : 'Create the wallet “Treasury” on Ethereum Sepolia'} />,
        drive: async (cell) => {
          await click(cell, v.messages.buttons.decline);
          await reach(cell, 'declined');
        },
      },
      {
        state: 'error',
        token,
        authenticator: createFakeAuthenticator({ get: 'cancel' }),
        ui: <ConfirmUserAction request={wallet} />,
        drive: (cell) => approve(cell, 'error'),
      },
      {
        state: 'awaiting-approval',
        token,
        authenticator: laptop,
        ui: <ConfirmUserAction request={{ ...wallet, body: { ...wallet.body, name: 'Pending' } }} />,
        drive: async (cell) => {
          emulatorOf().policies.requireApproval({ method: 'POST', path: '/wallets' });
          await approve(cell, 'awaiting-approval');
          emulatorOf().policies.clear();
        },
      },
      { state: 'success', token, authenticator: laptop, ui: <ConfirmUserAction request={wallet} />, drive: (cell) => approve(cell, 'success') },
    ];
  },
};

describe.skipIf(!enabled)('component screenshots (set VITE_SCREENSHOTS=1 to take them)', () => {
  for (const variant of VARIANTS) {
    for (const [name, cellsOf] of Object.entries(COMPONENTS)) {
      it(`${name}, ${variant.name}`, async () => {
        const cells = await cellsOf(variant);
        const { cellOf, grid, unmount } = renderShotGrid(emulatorOf(), variant, cells.map((cell) => ({ ...cell, key: cell.state, label: cell.state })));
        for (const cell of cells) await cell.drive?.(cellOf(cell.state), variant);
        await settle();
        // One shot per state at full scale, then the row.
        for (const cell of cells) await shootCell(cellOf(cell.state), `${OUT}/${name}-${variant.name}-${cell.state}`);
        await page.screenshot({ path: `${OUT}/${name}-${variant.name}.png`, element: grid() });
        expect(screen.queryAllByRole('region').length).toBeGreaterThan(0);
        unmount();
      });
    }
  }

  it('shows the focus ring on a focused button and field, light and dark', async () => {
    for (const variant of VARIANTS.slice(0, 2)) {
      const background = variant.theme === 'dark' ? '#0b0d12' : '#eceff4';
      const { container, unmount } = render(
        <div data-shot style={{ padding: 24, background, width: 'max-content' }}>
          <div style={{ width: 400 }}>
            <DfnsAuthProvider baseUrl={BASE_URL} orgId={emulatorOf().orgId} rp={RP} theme={variant.theme} authenticator={createFakeAuthenticator({ get: 'hang' })}>
              <LoginWithPasskey autofill={false} />
            </DfnsAuthProvider>
          </div>
        </div>,
      );
      // Keyboard focus (Tab), so :focus-visible applies.
      await user().tab();
      await user().tab();
      await page.screenshot({ path: `${OUT}/focus-${variant.name}.png`, element: container.querySelector<HTMLElement>('[data-shot]')! });
      unmount();
    }
  });
});
