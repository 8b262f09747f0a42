// Types of the API's answers that the dashboard needs beyond what hc<AppType>() infers (e.g. answers that
// are JSON or CSV from one route). Type-only: importing this bundles nothing of the server.
export type * from './reports/types';
export type { AppType } from './app';
