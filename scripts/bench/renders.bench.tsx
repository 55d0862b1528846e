/**
 * React commits per flow step, in jsdom: each component runs through its flow inside a
 * `<Profiler>` with the software authenticator against the emulator (MSW), and every commit is
 * counted under the root's `data-status` at that moment. Writes JSON to $BENCH_RENDERS_OUT.
 */
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { writeFileSync } from 'node:fs';
import { Profiler, type ReactNode } from 'react';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { englishMessages as en } from '../../src/messages/en';
import { LoginWithPasskey } from '../../src/components/LoginWithPasskey';
import { RegisterPasskey } from '../../src/components/RegisterPasskey';
import { createTestServer, registeredUser, renderKit, softwareAuthenticator } from '../../test/components/passkeyFlowHarness';

const { server, requests, useEmulator } = createTestServer();
const results: { flow: string; commits: Record<string, number>; requests: string[] }[] = [];

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => {
  server.close();
  const out = process.env['BENCH_RENDERS_OUT'];
  if (out) writeFileSync(out, JSON.stringify(results, null, 2));
});

/** Wraps `ui` in a Profiler that counts commits per `data-status` of the component's root. */
function profiled(ui: ReactNode, name: string) {
  const commits: Record<string, number> = {};
  const tree = (
    <Profiler
      id={name}
      onRender={() => {
        const status = document.querySelector(`.dfns-${name}`)?.getAttribute('data-status') ?? '(none)';
        commits[status] = (commits[status] ?? 0) + 1;
      }}
    >
      {ui}
    </Profiler>
  );
  return { tree, commits };
}

it('counts commits per step of a login with a fixed username', async () => {
  const emulator = useEmulator();
  const authenticator = softwareAuthenticator();
  await registeredUser(emulator, 'jane@example.com', authenticator);
  requests.length = 0;
  const { tree, commits } = profiled(<LoginWithPasskey username="jane@example.com" />, 'LoginWithPasskey');
  renderKit(tree, { emulator, authenticator });
  await userEvent.setup().click(screen.getByRole('button', { name: en.buttons.signIn }));
  await waitFor(() => expect(document.querySelector('.dfns-LoginWithPasskey')).toHaveAttribute('data-status', 'success'));
  results.push({ flow: '<LoginWithPasskey username> (hover prefetch, click)', commits, requests: [...requests] });
});

for (const autoLogin of [false, true]) {
  it(`counts commits per step of a registration${autoLogin ? ' with autoLogin' : ''}`, async () => {
    const emulator = useEmulator();
    const { registrationCode } = emulator.createUser({ username: 'joe@example.com' });
    const { tree, commits } = profiled(<RegisterPasskey autoLogin={autoLogin} />, 'RegisterPasskey');
    renderKit(tree, { emulator, authenticator: softwareAuthenticator() });
    const user = userEvent.setup();
    await user.type(screen.getByRole('textbox', { name: en.labels.username }), 'joe@example.com');
    await user.type(screen.getByRole('textbox', { name: en.labels.registrationCode }), `${registrationCode}{Enter}`);
    await user.click(await screen.findByRole('checkbox', { name: en.buttons.savedKit }));
    await act(async () => {});
    fireEvent.click(screen.getByRole('button', { name: en.buttons.continue }));
    await waitFor(() => expect(document.querySelector('.dfns-RegisterPasskey')).toHaveAttribute('data-status', 'success'));
    results.push({ flow: `<RegisterPasskey${autoLogin ? ' autoLogin' : ''}> (type, submit, save kit, continue)`, commits, requests: [...requests] });
  });
}
