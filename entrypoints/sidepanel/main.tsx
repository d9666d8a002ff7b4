import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { DatabaseGate } from '@/components/DatabaseGate';
import '@/components/styles.css';
import { App } from './App';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <DatabaseGate>
      <App />
    </DatabaseGate>
  </StrictMode>,
);
