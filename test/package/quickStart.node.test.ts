import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCliArgs } from '../../src/emulator/parseCliArgs';
import { createConsumerProject, ROOT, type ConsumerProject } from './consumerProject';

const README = readFileSync(join(ROOT, 'README.md'), 'utf8');

/** The fenced blocks of a language in the README's Quick start section, in order. */
function quickStartBlocks(language: string): string[] {
  const section = README.slice(README.indexOf('## Quick start'), README.indexOf('\n## ', README.indexOf('## Quick start') + 1));
  return [...section.matchAll(new RegExp('```' + language + '\\n([\\s\\S]*?)```', 'g'))].map((match) => match[1]!);
}

/**
 * The README's Quick start, checked as a new user would run it: its first tsx block is the whole
 * `src/App.tsx` of the Vite React template, type-checked with that template's own compiler options
 * against the built package, and its `npx dfns-emulator` line uses flags the CLI has, with the org
 * id the snippet names. The README cannot rot without failing this test.
 */
describe('the README Quick start', { timeout: 60_000 }, () => {
  let project: ConsumerProject;

  beforeAll(() => {
    // create-vite's react-ts template: tsconfig.app.json and src/main.tsx, as generated.
    project = createConsumerProject(
      'dfns-quickstart-',
      {
        compilerOptions: {
          target: 'ES2022',
          useDefineForClassFields: true,
          lib: ['ES2022', 'DOM', 'DOM.Iterable'],
          module: 'ESNext',
          types: ['vite/client'],
          skipLibCheck: true,
          moduleResolution: 'bundler',
          allowImportingTsExtensions: true,
          verbatimModuleSyntax: true,
          moduleDetection: 'force',
          noEmit: true,
          jsx: 'react-jsx',
          strict: true,
          noUnusedLocals: true,
          noUnusedParameters: true,
          erasableSyntaxOnly: true,
          noFallthroughCasesInSwitch: true,
          noUncheckedSideEffectImports: true,
        },
        include: ['src'],
      },
      ['vite'],
    );
    project.write(
      'src/main.tsx',
      `import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import App from './App.tsx'

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
`,
    );
  });

  afterAll(() => project.remove());

  const typecheck = (app: string): string => project.typecheck('src/App.tsx', app);

  it('its first tsx block type-checks as the Vite template App.tsx, with the template compiler options', () => {
    const [snippet] = quickStartBlocks('tsx');
    expect(snippet).toContain("from 'dfns-react-kit'");
    expect(typecheck(snippet!)).toBe('');
  });

  it('a snippet that misuses the kit fails the same check, so the check can fail', () => {
    const [snippet] = quickStartBlocks('tsx');
    expect(typecheck(snippet!.replace('<CredentialList />', '<CredentialList onChange="no" />'))).toContain('error TS');
  });

  it('its emulator command uses flags the CLI has, the org id the snippet names, and allows the Vite dev origin', () => {
    const [commands] = quickStartBlocks('sh');
    const line = commands!.split('\n').find((command) => command.startsWith('npx dfns-emulator'));
    expect(line).toBeDefined();
    const args = line!.replace(/#.*$/, '').trim().split(/\s+/).slice(2);
    const options = parseCliArgs(args);
    const [snippet] = quickStartBlocks('tsx');
    expect(snippet).toContain(`orgId="${options.orgId}"`);
    expect(snippet).toContain(`baseUrl="http://localhost:${options.port}"`);
    expect(snippet).toContain(`rp={{ id: '${options.rpId}'`);
    expect(options.origins).toContain('http://localhost:5173');
  });

  it('installs what its emulator command needs: the verifier is an optional peer npm does not install on its own', () => {
    const [commands] = quickStartBlocks('sh');
    const lines = commands!.split('\n').map((command) => command.replace(/#.*$/, '').trim());
    const emulatorAt = lines.findIndex((command) => command.startsWith('npx dfns-emulator'));
    const installs = lines.slice(0, emulatorAt).filter((command) => /^npm (install|i)\b/.test(command)).join(' ');
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      peerDependenciesMeta: Record<string, { optional?: boolean }>;
      devDependencies: Record<string, string>;
    };
    // The CLI needs @simplewebauthn/server (src/emulator/cli.ts names it when missing); the README must install it, pinned as here.
    expect(pkg.peerDependenciesMeta['@simplewebauthn/server']?.optional).toBe(true);
    expect(installs).toContain(`@simplewebauthn/server@${pkg.devDependencies['@simplewebauthn/server']}`);
  });
});
