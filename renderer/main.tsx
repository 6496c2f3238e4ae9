import './zodConfig';

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

import { initTransport } from './api';
import { App } from './App';
import './styles.css';

initTransport();

const container = document.getElementById('root');
if (container === null) throw new Error('index.html has no #root element.');

createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
