import { Layout } from './layout.component.tsx';

/**
 * The page for an address that leads nowhere. When the address names a document, it says which
 * id was not found and how to find the right one.
 */
export function NotFoundPage({ documentId }: { documentId?: string }) {
  return (
    <Layout title="Not found">
      <div class="page">
        <h1>{documentId === undefined ? 'Page not found' : 'Document not found'}</h1>
        {documentId === undefined ? (
          <p>There is no page at this address.</p>
        ) : (
          <p>
            The archive holds no document with the id <code>{documentId}</code>. The id may be mistyped, or
            the document may not have been ingested into this archive yet.
          </p>
        )}
        <p>
          <a href="/">See every document the archive holds</a>, in date order. On the command line,{' '}
          <code>chancery list</code> prints each document's id.
        </p>
      </div>
    </Layout>
  );
}

/** The page for a fault of Chancery's own; the details go to the server's log, not to the reader. */
export function ServerErrorPage() {
  return (
    <Layout title="Something went wrong">
      <div class="page">
        <h1>Something went wrong</h1>
        <p>
          Chancery could not show this page. The error has been written to the server's log; try again, and if
          it happens again, report the address of this page.
        </p>
        <p>
          <a href="/">Back to the documents</a>
        </p>
      </div>
    </Layout>
  );
}

/** The page for a request Chancery cannot answer as asked (a malformed `?page=`): what was wrong and how to fix it. */
export function BadRequestPage({ message }: { message: string }) {
  return (
    <Layout title="Bad request">
      <div class="page">
        <h1>This address asks for something that cannot be shown</h1>
        <p>{message}</p>
        <p>
          <a href="/">Back to the documents</a>
        </p>
      </div>
    </Layout>
  );
}

/** The page for a request refused for the moment (a search stopped past its time budget): why, and when to try again. */
export function BusyPage({ message }: { message: string }) {
  return (
    <Layout title="Try again in a moment">
      <div class="page">
        <h1>This page could not be made in time</h1>
        <p>{message}</p>
        <p>A document's own page does not wait on searches: its address works now.</p>
      </div>
    </Layout>
  );
}

/** The page for a request refused to this visitor (no account, a lesser role, a form from elsewhere): why, and what to do. */
export function AccessPage({ title, message }: { title: string; message: string }) {
  return (
    <Layout title={title}>
      <div class="page">
        <h1>{title}</h1>
        <p>{message}</p>
        <p>
          <a href="/login">Log in</a> · <a href="/">Back to the documents</a>
        </p>
      </div>
    </Layout>
  );
}
