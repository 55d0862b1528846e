import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConsumerProject, ROOT, type ConsumerProject } from './consumerProject';

/** A separate consumer project (see createConsumerProject) type-checks what an app writes. */
// Each test runs tsc over the package's and React's types: about 3 s on an idle machine, and it ran
// past vitest's default 5 s once in CI while every project shared the two cores.
describe('a consumer project', { timeout: 30_000 }, () => {
  let project: ConsumerProject;

  beforeAll(() => {
    project = createConsumerProject('dfns-consumer-', {
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
    });
  });

  afterAll(() => project.remove());

  const typecheck = (source: string): string => project.typecheck('app.tsx', source);

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
