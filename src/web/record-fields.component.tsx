import type { AuthorityIndex } from '../names/authority.index.ts';
import type {
  Agent,
  ArchivalLocation,
  Credit,
  HandlingEvent,
  Mention,
  RecordSource,
} from '../record/record.types.ts';
import { nameFacetValue } from '../search/query/query.resolve.ts';
import type { RecordVersion } from '../store/store.types.ts';
import { personHref, placeHref } from './browse.queries.ts';
import { agentLabel, capitalize, formatIsoDateTime, labelFromCode } from './web.format.ts';

/**
 * "Filippov [Stalin]": the form the document used, then who it stands for, linked to the person's
 * page when the authority file knows them.
 */
export function AgentName({ agent, authorities }: { agent: Agent; authorities: AuthorityIndex }) {
  // Only names the authority file knows link: a name as written is indexed for authors and
  // recipients but not for intermediaries, so its page could come up empty.
  if (!agent.personId) return <span class="agent">{agentLabel(agent, authorities)}</span>;
  return (
    <a class="agent" href={personHref(agent.personId)} data-person-id={agent.personId}>
      {agentLabel(agent, authorities)}
    </a>
  );
}

export function AgentList({ agents, authorities }: { agents: Agent[]; authorities: AuthorityIndex }) {
  return (
    <>
      {agents.map((agent, index) => (
        <>
          {index > 0 ? '; ' : null}
          <AgentName agent={agent} authorities={authorities} />
        </>
      ))}
    </>
  );
}

const PART_LABELS: [keyof ArchivalLocation, string][] = [
  ['fond', 'Fond'],
  ['opis', 'Opis (inventory)'],
  ['delo', 'Delo (file)'],
  ['papka', 'Papka (folder)'],
  ['file', 'File'],
  ['classification', 'Classification'],
];

/** Each location as printed, then the parts it was read into. */
export function ArchivalLocations({
  locations,
  authorities,
}: {
  locations: ArchivalLocation[];
  authorities: AuthorityIndex;
}) {
  return (
    <ol class="locations">
      {locations.map((location) => {
        const archive = authorities.find(location.repository, 'organization');
        return (
          <li class="location">
            <p class="location-raw">{location.raw}</p>
            <dl class="fields fields-compact">
              <dt>Repository</dt>
              <dd>
                {location.repository}
                {archive && archive.name !== location.repository ? (
                  <span class="muted"> ({archive.name})</span>
                ) : null}
              </dd>
              {PART_LABELS.map(([key, label]) => {
                const value = location[key];
                return typeof value === 'string' && value ? (
                  <>
                    <dt>{label}</dt>
                    <dd>{value}</dd>
                  </>
                ) : null;
              })}
              {location.folios ? (
                <>
                  <dt>{location.folios.first === location.folios.last ? 'Folio' : 'Folios'}</dt>
                  <dd>
                    {location.folios.first === location.folios.last
                      ? String(location.folios.first)
                      : `${location.folios.first}–${location.folios.last}`}
                  </dd>
                </>
              ) : null}
            </dl>
          </li>
        );
      })}
    </ol>
  );
}

const EVENT_PREPOSITIONS: Partial<Record<HandlingEvent['event'], string>> = {
  received: 'from',
  sent: 'from',
};

/** The chain of custody as a short timeline, each step with its machine-readable time. */
export function HandlingTimeline({ events }: { events: HandlingEvent[] }) {
  return (
    <ol class="timeline">
      {events.map((event) => {
        const details = [
          event.place ? `${EVENT_PREPOSITIONS[event.event] ?? 'at'} ${event.place}` : null,
          event.agent ? `by ${event.agent}` : null,
          event.number ? `No. ${event.number}` : null,
          // A bare count ("4") says nothing on its own; other copy notes read as written.
          event.copies && /^\d+$/u.test(event.copies) ? `${event.copies} copies` : event.copies,
        ].filter((d): d is string => Boolean(d));
        return (
          <li>
            {event.at ? (
              <time datetime={event.at}>{formatIsoDateTime(event.at)}</time>
            ) : (
              <span class="muted">Time not stated</span>
            )}
            <p class="timeline-event">
              <strong>{capitalize(event.event)}</strong>
              {details.length > 0 ? ` ${details.join(', ')}` : null}
            </p>
            <p class="timeline-raw">
              <span class="muted">As written: </span>
              <q>{event.raw}</q>
            </p>
          </li>
        );
      })}
    </ol>
  );
}

const CREDIT_LABELS: Record<Credit['role'], string> = {
  translator: 'Translated by',
  contributor: 'Contributed by',
  funder: 'Made possible with support from',
  editor: 'Edited by',
  transcriber: 'Transcribed by',
  publication: 'Published in',
};

export function Credits({ credits }: { credits: Credit[] }) {
  return (
    <dl class="fields">
      {credits.map((credit) => (
        <>
          <dt>{CREDIT_LABELS[credit.role] ?? labelFromCode(credit.role)}</dt>
          <dd class={`credit credit-${credit.role}`}>{credit.name}</dd>
        </>
      ))}
    </dl>
  );
}

/** Where the record came from, and a link to the original bytes. */
export function SourceFields({
  recordId,
  source,
  versions,
}: {
  recordId: string;
  source: RecordSource;
  versions: RecordVersion[];
}) {
  const current = versions.at(-1);
  return (
    <>
      <dl class="fields">
        <dt>File</dt>
        <dd>
          <code>{source.file}</code>
        </dd>
        <dt>Format</dt>
        <dd>{labelFromCode(source.format)}</dd>
        {source.encoding ? (
          <>
            <dt>Encoding</dt>
            <dd>{source.encoding}</dd>
          </>
        ) : null}
        <dt>SHA-256</dt>
        <dd>
          <code class="hash">{source.sha256}</code>
        </dd>
        {source.url ? (
          <>
            <dt>URL</dt>
            <dd>
              <a href={safeUrl(source.url)} rel="noopener noreferrer">
                {source.url}
              </a>
            </dd>
          </>
        ) : null}
        <dt>Archive's record ID</dt>
        <dd>{source.recordId ?? <span class="muted">Not given</span>}</dd>
        {source.uploaded ? (
          <>
            <dt>Uploaded to the archive</dt>
            <dd>{source.uploaded}</dd>
          </>
        ) : null}
        <dt>Chancery record</dt>
        <dd>
          <code>{recordId}</code>
          {current
            ? `, version ${current.version} of ${versions.length}, saved ${formatIsoDateTime(current.savedAt)}`
            : null}
        </dd>
      </dl>
      <p class="actions">
        <a href={`/documents/${encodeURIComponent(recordId)}/source`} download={source.file}>
          Download the original file
        </a>{' '}
        <a href={`/documents/${encodeURIComponent(recordId)}.json`}>The record as JSON</a>{' '}
        <a href={`/documents/${encodeURIComponent(recordId)}/history`}>
          History ({versions.length} {versions.length === 1 ? 'version' : 'versions'})
        </a>{' '}
        <a href={`/documents/${encodeURIComponent(recordId)}/edit`}>Correct this record (editors)</a>
      </p>
    </>
  );
}

/** Only web addresses become links: a `javascript:` URL in a record must stay inert text. */
function safeUrl(url: string): string | undefined {
  return /^https?:\/\//iu.test(url) ? url : undefined;
}

const MENTION_HEADINGS: [Mention['kind'], string][] = [
  ['person', 'People'],
  ['place', 'Places'],
  ['organization', 'Organizations'],
  ['term', 'Terms'],
];

/** Who and what the texts name, with the form they used when it differs. */
export function Mentions({ mentions }: { mentions: Mention[] }) {
  return (
    <dl class="fields">
      {MENTION_HEADINGS.map(([kind, heading]) => {
        const unique = uniqueMentions(mentions.filter((m) => m.kind === kind));
        return unique.length > 0 ? (
          <>
            <dt>{heading}</dt>
            <dd>
              {unique.map((mention, index) => (
                <>
                  {index > 0 ? '; ' : null}
                  <span class="mention" data-authority-id={mention.authorityId ?? undefined}>
                    <MentionName kind={kind} name={mention.name} authorityId={mention.authorityId} />
                    {mention.forms.length > 0 ? (
                      <span class="muted"> ({mention.forms.join(', ')})</span>
                    ) : null}
                  </span>
                </>
              ))}
            </dd>
          </>
        ) : null;
      })}
    </dl>
  );
}

/** People and places have pages of their own; organizations and terms are named only. */
function MentionName({
  kind,
  name,
  authorityId,
}: {
  kind: Mention['kind'];
  name: string;
  authorityId: string | null;
}) {
  const key = nameFacetValue(authorityId, name);
  if (kind === 'person') return <a href={personHref(key)}>{name}</a>;
  if (kind === 'place') return <a href={placeHref(key)}>{name}</a>;
  return <>{name}</>;
}

function uniqueMentions(
  mentions: Mention[],
): { name: string; authorityId: string | null; forms: string[] }[] {
  const byKey = new Map<string, { name: string; authorityId: string | null; forms: string[] }>();
  for (const mention of mentions) {
    const key = mention.authorityId ?? mention.name;
    const entry = byKey.get(key) ?? { name: mention.name, authorityId: mention.authorityId, forms: [] };
    if (mention.form !== mention.name && !entry.forms.includes(mention.form)) entry.forms.push(mention.form);
    byKey.set(key, entry);
  }
  return [...byKey.values()];
}
