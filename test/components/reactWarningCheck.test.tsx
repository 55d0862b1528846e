import { render } from '@testing-library/react';
import { renderToString } from 'react-dom/server';
import { useLayoutEffect } from 'react';
import { describe, expect, it } from 'vitest';
import { takeReactWarnings } from '../reactWarnings';

// What test/setup.ts does with a React warning: these take the warning before its afterEach would
// fail the test, and check that it was caught.
describe('the React warning check of every jsdom test', () => {
  it('catches an unknown DOM prop', () => {
    render(<div {...({ fooBar: 'x' } as Record<string, string>)} />);
    expect(takeReactWarnings()).toEqual([expect.stringMatching(/fooBar/)]);
  });

  it('catches a missing key', () => {
    render(<ul>{['a', 'b'].map((item) => <li>{item}</li>)}</ul>);
    expect(takeReactWarnings()).toEqual([expect.stringMatching(/unique "key"/)]);
  });

  it('renders to string with no window or document, as on a server', () => {
    let seen = '';
    function Probe() {
      seen = `${typeof window} ${typeof document}`;
      return null;
    }
    renderToString(<Probe />);
    expect(seen).toBe('undefined undefined');
    expect(typeof document).toBe('object');
  });

  it('catches a layout effect during server rendering on React 18 (React 19 no longer warns)', () => {
    function LayoutOnServer() {
      useLayoutEffect(() => {});
      return null;
    }
    renderToString(<LayoutOnServer />);
    const warnings = takeReactWarnings();
    if (process.env['EXPECTED_REACT_MAJOR'] === '18') expect(warnings).toEqual([expect.stringMatching(/useLayoutEffect does nothing on the server/)]);
    else expect(warnings).toEqual([]);
  });
});
