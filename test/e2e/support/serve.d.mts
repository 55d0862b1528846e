/** The strict policy of the CSP test: no `unsafe-inline`, no `unsafe-eval`. */
export declare const STRICT_CSP: string;
/** A running static server. */
export interface StaticServer {
  url: string;
  close(): Promise<void>;
}
/** Serves `root` on `http://localhost:<port>`, optionally with a Content-Security-Policy header. */
export declare function startStaticServer(options: { root: string; port?: number; csp?: string | undefined }): Promise<StaticServer>;
