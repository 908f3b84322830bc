import type { Child } from 'hono/jsx';

export interface LayoutProps {
  /** The page's own title; the site name is appended for the browser tab. */
  title: string;
  /** A one-line description for search engines and link previews. */
  description?: string;
  /** Extra elements for `<head>` (page metadata such as citation tags, later). */
  head?: Child;
  children?: Child;
}

/** Path of the reading room's stylesheet, served by `createWebApp`. */
export const STYLESHEET_PATH = '/static/chancery.css';

/** Styles of the browsing pages, served by `createBrowseRoutes`. */
export const BROWSE_STYLESHEET_PATH = '/static/browse.css';

const NAV_LINKS: [string, string][] = [
  ['/', 'Documents'],
  ['/search', 'Search'],
  ['/people', 'People'],
  ['/places', 'Places'],
  ['/collections', 'Collections'],
  ['/timeline', 'Timeline'],
  ['/correspondence', 'Correspondence'],
];

/**
 * The frame every page shares: language, skip link, landmarks (header with site navigation,
 * main, footer). Pages put exactly one `<h1>` in their content.
 *
 * @example <Layout title="Documents"><h1>Documents</h1></Layout>
 */
export function Layout(props: LayoutProps) {
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} · Chancery`}</title>
        {props.description ? <meta name="description" content={props.description} /> : null}
        <link rel="stylesheet" href={STYLESHEET_PATH} />
        <link rel="stylesheet" href={BROWSE_STYLESHEET_PATH} />
        {props.head}
      </head>
      <body>
        <a class="skip-link" href="#main">
          Skip to main content
        </a>
        <header class="site-header">
          <div class="site-header-inner">
            <a class="site-name" href="/">
              Chancery
            </a>
            <nav aria-label="Site">
              <ul class="site-nav">
                {NAV_LINKS.map(([href, label]) => (
                  <li>
                    <a href={href}>{label}</a>
                  </li>
                ))}
              </ul>
            </nav>
          </div>
        </header>
        <main id="main" tabindex={-1}>
          {props.children}
        </main>
        <footer class="site-footer">
          <p>
            Chancery: an archive of translated primary-source documents. Each record keeps its source file
            byte for byte.
          </p>
          <p>
            For machines: <a href="/api">JSON API</a> · <a href="/oai?verb=Identify">OAI-PMH</a> ·{' '}
            <a href="/export/records.jsonl">all records (JSON Lines)</a> · <a href="/sitemap.xml">sitemap</a>
          </p>
          <p>
            For the archive's editors and readers with an account: <a href="/account">log in</a>
          </p>
        </footer>
      </body>
    </html>
  );
}
