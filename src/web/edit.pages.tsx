import { EDIT_FIELDS, type EditField, textFieldName } from '../editing/edit.form.ts';
import type { RecordComparison } from '../editing/record.compare.ts';
import { type ChanceryRecord, DOCUMENT_TYPES } from '../record/record.types.ts';
import type { HeldReading, RecordVersion } from '../store/store.types.ts';
import { CsrfField, Problem } from './account.pages.tsx';
import { DataTable } from './data-table.component.tsx';
import { Layout } from './layout.component.tsx';
import { formatIsoDateTime } from './web.format.ts';

const CHOICES: Record<string, readonly string[]> = {
  type: DOCUMENT_TYPES,
  'date.certainty': ['exact', 'approximate', 'inferred', 'unknown'],
};

function documentPath(id: string, rest = ''): string {
  return `/documents/${encodeURIComponent(id)}${rest}`;
}

/** The edit form of a record: every field, each text as its blocks and marks, and why. */
export function EditPage(props: {
  record: ChanceryRecord;
  version: number;
  values: Record<string, string>;
  csrf: string;
  note?: string;
  problem?: { message: string; field?: string | undefined };
}) {
  const { record, values } = props;
  const wrong = (name: string) =>
    props.problem?.field !== undefined && fieldMatches(props.problem.field, name);
  return (
    <Layout title={`Edit: ${record.title}`}>
      <div class="page">
        <h1>Edit: {record.title}</h1>
        <p>
          Version {props.version}. Saving makes version {props.version + 1}, with your name and the reason
          below; <a href={documentPath(record.id, '/history')}>every version</a> stays and can be restored.
        </p>
        <Problem message={props.problem?.message} />
        <form method="post" action={documentPath(record.id, '/edit')} class="account-form edit-form">
          <CsrfField token={props.csrf} />
          <input type="hidden" name="baseVersion" value={String(props.version)} />
          {EDIT_FIELDS.map((f) => (
            <FieldInput field={f} value={values[f.name] ?? ''} invalid={wrong(f.name)} />
          ))}
          {record.texts.map((text, i) => (
            <label>
              Text “{text.id}” ({text.kind}, {text.language}): its blocks and their marks (JSON)
              <textarea
                name={textFieldName(i)}
                rows={20}
                class="json-field"
                spellcheck={false}
                aria-invalid={wrong(`texts[${i}]`) ? 'true' : undefined}
              >
                {values[textFieldName(i)] ?? ''}
              </textarea>
            </label>
          ))}
          <label>
            Why (kept with the version, required)
            <textarea name="note" rows={3} required maxlength={2000}>
              {props.note ?? ''}
            </textarea>
          </label>
          <button type="submit">Save as version {props.version + 1}</button>
        </form>
      </div>
    </Layout>
  );
}

function FieldInput({ field, value, invalid }: { field: EditField; value: string; invalid: boolean }) {
  const aria = invalid ? 'true' : undefined;
  const help = field.help ? <span class="field-help">{field.help}</span> : null;
  if (field.kind === 'choice') {
    return (
      <label>
        {field.label}
        <select name={field.name} aria-invalid={aria}>
          {(CHOICES[field.name] ?? []).map((option) => (
            <option value={option} selected={option === value}>
              {option}
            </option>
          ))}
        </select>
      </label>
    );
  }
  if (field.kind === 'line') {
    return (
      <label>
        {field.label}
        <input name={field.name} value={value} aria-invalid={aria} />
      </label>
    );
  }
  return (
    <label>
      {field.label}
      {field.kind === 'json' ? ' (JSON)' : ''} {help}
      <textarea
        name={field.name}
        rows={field.kind === 'json' ? Math.min(12, value.split('\n').length + 1) : 3}
        class={field.kind === 'json' ? 'json-field' : undefined}
        spellcheck={field.kind === 'json' ? false : undefined}
        aria-invalid={aria}
      >
        {value}
      </textarea>
    </label>
  );
}

/** Whether a problem's field (`authors[0].name`, `date.min`, `texts[1].blocks[3]`) is in a form field. */
function fieldMatches(problem: string, name: string): boolean {
  return problem === name || problem.startsWith(`${name}[`) || problem.startsWith(`${name}.`);
}

function describeVersion(v: RecordVersion): string {
  if (!v.edit) return 'read from the source file';
  const how = { edit: 'corrected', restore: 'restored', source: 'source reading taken' }[v.edit.kind];
  return `${how} by ${v.edit.editor}`;
}

/** Every version of a record: when, how, by whom and why; compare any two; restore one (editors). */
export function HistoryPage(props: {
  id: string;
  title: string;
  versions: RecordVersion[];
  held: HeldReading | null;
  /** The editor's form token, when the viewer may restore. */
  csrf: string | null;
}) {
  const { id, versions, csrf } = props;
  const last = versions.at(-1)?.version ?? 1;
  return (
    <Layout title={`History: ${props.title}`}>
      <div class="page">
        <h1>History: {props.title}</h1>
        <p>
          <a href={documentPath(id)}>The record</a>
          {csrf ? (
            <>
              {' '}
              · <a href={documentPath(id, '/edit')}>Edit</a>
            </>
          ) : null}
        </p>
        {props.held && csrf ? (
          <section class="form-problem" aria-labelledby="held-heading">
            <h2 id="held-heading">A changed source file waits for review</h2>
            <p>
              The record's source file changed (SHA-256 <code class="hash">{props.held.sourceSha256}</code>)
              on {formatIsoDateTime(props.held.heldAt.slice(0, 16))}, after an editor's correction. Its new
              reading was held, not saved over the correction.
            </p>
            <form method="post" action={documentPath(id, '/held')} class="account-form">
              <CsrfField token={csrf} />
              <label>
                Why <textarea name="note" rows={2} required />
              </label>
              <button type="submit" name="action" value="take">
                Take the source's reading (a new version)
              </button>
              <button type="submit" name="action" value="keep">
                Keep the correction
              </button>
            </form>
          </section>
        ) : null}
        <DataTable headings={['Version', 'Saved', 'How', 'Why', 'Compare', ...(csrf ? ['Restore'] : [])]}>
          {[...versions].reverse().map((v) => (
            <tr>
              <td>{v.version}</td>
              <td>{formatIsoDateTime(v.savedAt.slice(0, 16))}</td>
              <td>{describeVersion(v)}</td>
              <td>{v.edit?.note ?? ''}</td>
              <td>
                {v.version < last ? (
                  <a href={documentPath(id, `/compare?a=${v.version}&b=${last}`)}>with the current</a>
                ) : (
                  'current'
                )}
              </td>
              {csrf ? (
                <td>
                  {v.version < last ? (
                    <form method="post" action={documentPath(id, '/restore')} class="inline-form">
                      <CsrfField token={csrf} />
                      <input type="hidden" name="version" value={String(v.version)} />
                      <input
                        name="note"
                        required
                        placeholder="why"
                        aria-label={`Why restore version ${v.version}`}
                      />
                      <button type="submit">Restore</button>
                    </form>
                  ) : null}
                </td>
              ) : null}
            </tr>
          ))}
        </DataTable>
        <form method="get" action={documentPath(id, '/compare')} class="inline-form">
          <label for="compare-a">Compare version</label>
          <VersionChoice id="compare-a" name="a" versions={versions} selected={Math.max(1, last - 1)} />
          <label for="compare-b">with</label>
          <VersionChoice id="compare-b" name="b" versions={versions} selected={last} />
          <button type="submit">Compare</button>
        </form>
      </div>
    </Layout>
  );
}

function VersionChoice(props: { id: string; name: string; versions: RecordVersion[]; selected: number }) {
  return (
    <select id={props.id} name={props.name}>
      {props.versions.map((v) => (
        <option value={String(v.version)} selected={v.version === props.selected}>
          {v.version}
        </option>
      ))}
    </select>
  );
}

/** Two versions of a record, field by field and text by text, word by word. */
export function ComparePage(props: {
  id: string;
  title: string;
  a: number;
  b: number;
  comparison: RecordComparison;
}) {
  const { comparison } = props;
  return (
    <Layout title={`Versions ${props.a} and ${props.b}: ${props.title}`}>
      <div class="page">
        <h1>
          Version {props.a} against version {props.b}
        </h1>
        <p>
          <a href={documentPath(props.id)}>{props.title}</a> ·{' '}
          <a href={documentPath(props.id, '/history')}>History</a>
        </p>
        {comparison.fields.length === 0 && comparison.texts.length === 0 ? (
          <p>The two versions are the same.</p>
        ) : null}
        {comparison.fields.length > 0 ? (
          <DataTable class="compare-table" headings={['Field', `Version ${props.a}`, `Version ${props.b}`]}>
            {comparison.fields.map((f) => (
              <tr>
                <th scope="row">
                  <code>{f.field}</code>
                </th>
                <td>
                  <pre class="compare-value">{f.before}</pre>
                </td>
                <td>
                  <pre class="compare-value">{f.after}</pre>
                </td>
              </tr>
            ))}
          </DataTable>
        ) : null}
        {comparison.texts.map((t) => (
          <section aria-label={`Text ${t.textId}`}>
            <h2>
              Text “{t.textId}”{t.status === 'changed' ? '' : ` (${t.status})`}
            </h2>
            {t.blocks.map((b) => (
              <div class="compare-block">
                <p class="muted">
                  Block {b.blockId}
                  {b.status === 'changed' ? '' : ` (${b.status})`}
                  {b.marksChanged ? ', its marks changed' : ''}
                </p>
                <p>
                  {b.words.map((w) =>
                    w.op === 'insert' ? (
                      <ins>{w.text}</ins>
                    ) : w.op === 'delete' ? (
                      <del>{w.text}</del>
                    ) : (
                      w.text
                    ),
                  )}
                </p>
              </div>
            ))}
          </section>
        ))}
      </div>
    </Layout>
  );
}
