import { Layout } from './layout.component.tsx';

interface OperationView {
  method: string;
  path: string;
  summary: string;
  description?: string;
  deprecated?: boolean;
  parameters: { name: string; in: string; description?: string; required?: boolean }[];
  responses: { status: string; description: string; schema?: string }[];
}

/** The parts of an OpenAPI document the docs page reads. */
export interface OpenApiLike {
  info: { title: string; version: string; description?: string };
  paths?: Record<string, object>;
}

/**
 * The API's docs page at `/api`, written from the OpenAPI document itself, so that it cannot
 * disagree with it: each operation with its parameters and answers. Plain HTML: the pages'
 * Content-Security-Policy admits no script from elsewhere, and none is needed.
 */
export function ApiDocsPage({ doc }: { doc: OpenApiLike }) {
  const operations = listOperations(doc);
  return (
    <Layout title="JSON API" description={doc.info.description}>
      <div class="page api-docs">
        <h1>
          {doc.info.title} <span class="muted">v{doc.info.version}</span>
        </h1>
        <p>
          <Prose text={doc.info.description ?? ''} />
        </p>
        <p>
          The OpenAPI 3.1 description: <a href="/api/openapi.json">/api/openapi.json</a>. Harvesters will want{' '}
          <a href="/oai?verb=Identify">OAI-PMH at /oai</a>; whole exports are at{' '}
          <code>/export/records.jsonl</code>.
        </p>
        <h2>Endpoints</h2>
        <ul>
          {operations.map((op) => (
            <li>
              <a href={`#${anchor(op)}`}>
                <code>
                  {op.method} /api{op.path}
                </code>
              </a>{' '}
              {op.summary}
            </li>
          ))}
        </ul>
        {operations.map((op) => (
          <section id={anchor(op)} aria-labelledby={`${anchor(op)}-heading`}>
            <h2 id={`${anchor(op)}-heading`}>
              <code>
                {op.method} /api{op.path}
              </code>
              {op.deprecated ? <span class="muted"> (deprecated)</span> : null}
            </h2>
            <p>
              <Prose text={op.summary} />
            </p>
            {op.description ? (
              <p>
                <Prose text={op.description} />
              </p>
            ) : null}
            {op.parameters.length > 0 ? (
              <dl class="fields">
                {op.parameters.map((p) => (
                  <>
                    <dt>
                      <code>{p.name}</code>{' '}
                      <span class="muted">
                        ({p.in}
                        {p.required ? ', required' : ''})
                      </span>
                    </dt>
                    <dd>
                      <Prose text={p.description ?? ''} />
                    </dd>
                  </>
                ))}
              </dl>
            ) : null}
            <ul>
              {op.responses.map((r) => (
                <li>
                  <strong>{r.status}</strong> <Prose text={r.description} />
                  {r.schema ? <span class="muted"> ({r.schema})</span> : null}
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </Layout>
  );
}

/** Descriptions write code in backticks, as Markdown does: shown as `<code>`, everything escaped. */
function Prose({ text }: { text: string }) {
  return <>{text.split('`').map((part, i) => (i % 2 === 1 ? <code>{part}</code> : part))}</>;
}

function listOperations(doc: OpenApiLike): OperationView[] {
  const operations: OperationView[] = [];
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const [method, raw] of Object.entries(item as Record<string, unknown>)) {
      const op = raw as {
        summary?: string;
        description?: string;
        deprecated?: boolean;
        parameters?: {
          name: string;
          in: string;
          description?: string;
          required?: boolean;
          schema?: { description?: string };
        }[];
        responses?: Record<
          string,
          { description?: string; content?: Record<string, { schema?: { $ref?: string } }> }
        >;
      };
      operations.push({
        method: method.toUpperCase(),
        path,
        summary: op.summary ?? '',
        ...(op.description ? { description: op.description } : {}),
        ...(op.deprecated ? { deprecated: true } : {}),
        parameters: (op.parameters ?? []).map((p) => ({
          name: p.name,
          in: p.in,
          ...(p.required ? { required: true } : {}),
          ...(p.description || p.schema?.description
            ? { description: p.description ?? p.schema?.description }
            : {}),
        })),
        responses: Object.entries(op.responses ?? {}).map(([status, r]) => {
          const ref = r.content?.['application/json']?.schema?.$ref;
          return {
            status,
            description: r.description ?? '',
            ...(ref ? { schema: ref.split('/').at(-1) } : {}),
          };
        }),
      });
    }
  }
  return operations;
}

function anchor(op: OperationView): string {
  return `${op.method}-${op.path}`
    .toLowerCase()
    .replace(/[^a-z0-9]+/gu, '-')
    .replace(/-+$/u, '');
}
