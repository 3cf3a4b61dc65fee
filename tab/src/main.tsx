import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { prefetchReference } from './data/useReference';
import { parseHash } from './state/route';
import { startTeamsConnection } from './teams/useTeamsContext';
import './global.css';

// Data and the Teams host are awaited before the first render, so React
// renders once, straight into the full checklist; until then index.html's
// own static "loading" text shows. Both settle within the teams-js timeout.
const route = parseHash(window.location.hash);
const edition = route.page === 'config' ? undefined : route.filters.edition;
void Promise.all([prefetchReference(edition), startTeamsConnection()]).then(() => {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
});
