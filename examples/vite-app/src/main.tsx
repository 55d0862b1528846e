import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import 'dfns-react-kit/styles.css';
import './app.css';
import { App } from './App';
import { readConfig, readFlow } from './config';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <App config={readConfig()} flow={readFlow()} />
  </StrictMode>,
);
