import type { Agent, ChanceryRecord } from './record.types.ts';

/** A record as plain text for a terminal: the fields, then each text with its blocks. */
export function formatRecordAsText(record: ChanceryRecord): string {
  const lines: string[] = [record.title, '='.repeat(Math.min(record.title.length, 80)), ''];
  const field = (label: string, value: string | null | undefined) => {
    if (value) lines.push(`${`${label}:`.padEnd(18)}${value}`);
  };
  field('Id', record.id);
  field(
    'Date',
    record.date.display + (record.date.min ? ` (${formatRange(record.date.min, record.date.max)})` : ''),
  );
  field('Type', record.type);
  field('Authors', record.authors.map(formatAgent).join('; '));
  field('Recipients', record.recipients.map(formatAgent).join('; '));
  field('Via', record.intermediaries.map(formatAgent).join('; '));
  field('Participants', (record.participants ?? []).map(formatAgent).join('; '));
  field('Numbers', record.numbers.map((n) => `${n.kind} ${n.value}`).join('; '));
  field('Language', record.originalLanguage);
  field('Summary', record.summary);
  for (const location of record.archivalLocations) field('Archive', location.raw);
  for (const credit of record.credits) field(capitalize(credit.role), credit.name);
  field('Source', [record.source.file, record.source.url, record.source.format].filter(Boolean).join(' · '));
  field('SHA-256', record.source.sha256);
  for (const event of record.handling) {
    field(capitalize(event.event), [event.at, event.agent].filter(Boolean).join(' · ') || event.raw);
  }
  for (const relation of record.relations) {
    const from = relation.source ? ` (the ${relation.source})` : '';
    field(
      capitalize(relation.type.replaceAll('-', ' ')) + from,
      relation.target + (relation.basis ? `: ${relation.basis}` : ''),
    );
  }
  for (const text of record.texts) {
    lines.push('', `--- ${text.kind} (${text.language}) ---`, '');
    for (const block of text.blocks) lines.push(block.text, '');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

/** "Joseph Stalin (as Filippov)" */
export function formatAgent(agent: Agent): string {
  return agent.alias ? `${agent.name} (as ${agent.alias})` : agent.name;
}

function formatRange(min: string, max: string | null): string {
  return max && max !== min ? `${min} – ${max}` : min;
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
