import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');
const TSC = join(ROOT, 'node_modules/.bin/tsc');

/**
 * A separate consumer project: its own folder and tsconfig, `dfns-react-kit` installed as a link
 * to this package (as `npm link` would), so types resolve through the `exports` map and `dist/`.
 */
// Each test runs tsc over the package's and React's types: about 3 s on an idle machine, and it ran
// past vitest's default 5 s once in CI while every project shared the two cores.
describe('a consumer project', { timeout: 30_000 }, () => {
  let dir: string;

  beforeAll(() => {
    if (!existsSync(join(ROOT, 'dist/index.d.ts'))) {
      execFileSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'ignore' });
    }
    dir = mkdtempSync(join(tmpdir(), 'dfns-consumer-'));
    mkdirSync(join(dir, 'node_modules/@types'), { recursive: true });
    mkdirSync(join(dir, 'node_modules/@tanstack'), { recursive: true });
    symlinkSync(ROOT, join(dir, 'node_modules/dfns-react-kit'));
    for (const name of ['react', 'react-dom', '@types/react', '@types/react-dom', '@tanstack/react-query', '@tanstack/query-core']) {
      symlinkSync(join(ROOT, 'node_modules', name), join(dir, 'node_modules', name));
    }
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module: 'ESNext',
          moduleResolution: 'bundler',
          jsx: 'react-jsx',
          strict: true,
          noEmit: true,
          skipLibCheck: false,
          types: [],
          lib: ['ES2023', 'DOM'],
        },
        files: ['app.tsx'],
      }),
    );
  });

  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  const typecheck = (source: string): string => {
    writeFileSync(join(dir, 'app.tsx'), source);
    try {
      execFileSync(TSC, ['-p', dir], { encoding: 'utf8' });
      return '';
    } catch (error) {
      return String((error as { stdout?: string }).stdout ?? error);
    }
  };

  it('type-checks the provider and the endpoint hooks from the package name', () => {
    const errors = typecheck(`
      import { DfnsAuthProvider, useRegistrationInit, useRecoveryInit, type DfnsAuthError } from 'dfns-react-kit';
      import { createDfnsClient, initRegistration } from 'dfns-react-kit/core';
      function Register() {
        const init = useRegistrationInit();
        const recovery = useRecoveryInit();
        const error: DfnsAuthError | null = init.error;
        void recovery; void error; void createDfnsClient; void initRegistration;
        return <button onClick={() => init.mutate({ username: 'jane@example.com', registrationCode: 'code' })}>Register</button>;
      }
      export const App = () => (
        <DfnsAuthProvider orgId="or-1" rp={{ id: 'localhost', name: 'Example' }}>
          <Register />
        </DfnsAuthProvider>
      );
    `);
    expect(errors).toBe('');
  });

  it('rejects a call with a missing variable, so the types guide', () => {
    const errors = typecheck(`
      import { useRegistrationInit } from 'dfns-react-kit';
      export function Register() {
        const init = useRegistrationInit();
        init.mutate({ username: 'jane@example.com' });
        return null;
      }
    `);
    expect(errors).toContain("Property 'registrationCode' is missing");
  });

  it('imports the German catalogue from its own entry, typed as a full catalogue', async () => {
    const errors = typecheck(`
      import { DfnsAuthProvider, type DfnsMessages } from 'dfns-react-kit';
      import { germanMessages } from 'dfns-react-kit/messages/de';
      const catalogue: DfnsMessages = germanMessages;
      export const App = () => <DfnsAuthProvider orgId="or-1" rp={{ id: 'localhost', name: 'Example' }} messages={catalogue} />;
    `);
    expect(errors).toBe('');
    // And at run time, from the file the exports map names, without React.
    const exportsMap = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { exports: Record<string, { import: string }> }).exports;
    const file = exportsMap['./messages/de']?.import ?? 'missing from the exports map';
    const { germanMessages } = (await import(join(ROOT, file))) as { germanMessages: { locale: string } };
    expect(germanMessages.locale).toBe('de');
  });
});
