import type { JobInfo } from '../jobs/job-queue.types.ts';
import { CsrfField, Problem } from './account.pages.tsx';
import { DataTable } from './data-table.component.tsx';
import { Layout } from './layout.component.tsx';
import { formatIsoDateTime } from './web.format.ts';

export const UPLOAD_SCRIPT_PATH = '/static/upload.js';

/** The formats `chancery ingest` reads, said to the editor. */
const FORMATS =
  'archive pages (text, Markdown, PDF exports), FRUS TEI volumes, Chancery TEI and Chancery JSON (Lines)';

function jobPath(id: string): string {
  return `/upload/${encodeURIComponent(id)}`;
}

/** Upload of many files: dropped on the page or chosen, ingested by a background job. */
export function UploadPage(props: {
  csrf: string;
  recent: JobInfo[];
  limitMb: number;
  problem?: string | undefined;
}) {
  return (
    <Layout title="Upload documents" head={<script src={UPLOAD_SCRIPT_PATH} defer />}>
      <div class="page">
        <h1>Upload documents</h1>
        <p>
          Files of the formats <code>chancery ingest</code> reads ({FORMATS}), up to {props.limitMb} MB at
          once. They are ingested by a background job, as on the command line; its page shows how far it has
          come and what became of each file.
        </p>
        <Problem message={props.problem} />
        <form
          id="upload-form"
          method="post"
          action="/upload"
          enctype="multipart/form-data"
          class="account-form"
        >
          <CsrfField token={props.csrf} />
          <div id="upload-drop" class="upload-drop">
            <label for="upload-files">Drop files here, or choose them</label>
            <input id="upload-files" type="file" name="files" multiple required />
            <ul id="upload-list" class="upload-list" />
          </div>
          <progress id="upload-progress" max={1} value={0} hidden />
          <button type="submit">Upload and ingest</button>
        </form>
        {props.recent.length > 0 ? (
          <>
            <h2>Recent ingests</h2>
            <ul>
              {props.recent.map((job) => (
                <li>
                  <a href={jobPath(job.id)}>{formatIsoDateTime(job.createdAt.slice(0, 16))}</a>: {job.state}
                  {job.progress?.note ? ` — ${job.progress.note}` : ''}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </div>
    </Layout>
  );
}

/** An upload's ingest job: its state, a progress bar, and what became of each file. */
export function UploadJobPage({ job }: { job: JobInfo }) {
  const running = job.state === 'queued' || job.state === 'active' || job.state === 'retry';
  const progress = job.progress;
  return (
    <Layout title="Upload" head={running ? <meta http-equiv="refresh" content="2" /> : undefined}>
      <div class="page">
        <h1>Upload: {job.state}</h1>
        <p>
          <a href="/upload">Upload more</a>
        </p>
        {progress ? (
          <p>
            <progress max={Math.max(1, progress.total)} value={progress.done} aria-label="Files ingested" />{' '}
            {progress.done} of {progress.total} files
            {progress.note && running ? `, now ${progress.note}` : ''}
          </p>
        ) : (
          <p>Waiting for a worker of background jobs.</p>
        )}
        {running ? <p class="muted">This page reloads itself every 2 seconds until the job ends.</p> : null}
        <Problem message={job.lastError ?? undefined} />
        {progress?.files ? (
          <DataTable headings={['File', 'Result', 'Format', 'Records', 'Problems']}>
            {progress.files.map((f) => (
              <tr>
                <td>{f.file}</td>
                <td>{f.status}</td>
                <td>{f.format ?? ''}</td>
                <td>
                  {[
                    f.ingested && `${f.ingested} new`,
                    f.updated && `${f.updated} updated`,
                    f.unchanged && `${f.unchanged} unchanged`,
                    f.held && `${f.held} held for review`,
                  ]
                    .filter(Boolean)
                    .join(', ')}
                </td>
                <td>{f.problems.join('; ')}</td>
              </tr>
            ))}
          </DataTable>
        ) : null}
      </div>
    </Layout>
  );
}
