import { render, screen } from '@testing-library/react';
import { version as reactVersion } from 'react';
import { version as reactDomVersion } from 'react-dom';
import { describe, expect, it } from 'vitest';
import { DfnsAuthProvider } from '../../src/provider/DfnsAuthProvider';
import { useDfnsAuth } from '../../src/provider/useDfnsAuth';

function RpName() {
  return <p>{useDfnsAuth().rp.name}</p>;
}

// The unit project runs React 19 and the react18 project React 18 (see vite.config.ts): this
// proves each project really runs the React it claims, with a single React instance.
describe('the React under test', () => {
  it('is the major version the project promises, for react and react-dom alike', () => {
    expect(reactVersion.split('.')[0]).toBe(process.env.EXPECTED_REACT_MAJOR);
    expect(reactDomVersion).toBe(reactVersion);
  });

  it('renders the provider with that React', () => {
    render(
      <DfnsAuthProvider orgId="or-1" rp={{ id: 'localhost', name: 'Kit on React' }}>
        <RpName />
      </DfnsAuthProvider>,
    );
    expect(screen.getByText('Kit on React')).toBeInTheDocument();
  });
});
