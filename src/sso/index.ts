/** SSO login in the browser: start (remember state, leave), and finish at `redirectUri` (check state, clean the URL). */
export * from './pendingSsoLogin';
export * from './takeSsoCallbackParams';
export * from './startSsoLogin';
export * from './completeSsoCallback';
