import type {
  Alignment,
  Block,
  ChanceryRecord,
  DraftComparison,
  Text,
  TextChange,
} from '../record/record.types.ts';
import { BlockContent } from './text.component.tsx';
import { textHeading } from './web.format.ts';

/** The reading room's own stylesheet and script (linked highlighting); the page works without the script. */
export const READING_ROOM_STYLESHEET_PATH = '/static/reading-room.css';
export const READING_ROOM_SCRIPT_PATH = '/static/reading-room.js';

/** Below this score a link is marked as uncertain. */
const UNCERTAIN = 0.5;

/** Anchor of the side-by-side view of one alignment ("parallel-original-translation-en"). */
export function parallelAnchor(alignment: Pick<Alignment, 'source' | 'target'>): string {
  return `parallel-${alignment.source}-${alignment.target}`;
}

/** Anchor of the comparison of a draft with its final text ("comparison-draft-original"). */
export function comparisonAnchor(comparison: Pick<DraftComparison, 'draft' | 'final'>): string {
  return `comparison-${comparison.draft}-${comparison.final}`;
}

/** The side-by-side views a record has: one per alignment of an original with a translation. */
export function parallelAlignments(
  record: ChanceryRecord,
): { alignment: Alignment; source: Text; target: Text }[] {
  return record.alignments.flatMap((alignment) => {
    const source = record.texts.find((t) => t.id === alignment.source);
    const target = record.texts.find((t) => t.id === alignment.target);
    if (!source || !target || source.kind === 'draft') return [];
    return [{ alignment, source, target }];
  });
}

/** The stylesheet and the script, linked from the page body so that the page's own `<head>` stays its own. */
export function ReadingRoomAssets() {
  return (
    <>
      <link rel="stylesheet" href={READING_ROOM_STYLESHEET_PATH} />
      <script src={READING_ROOM_SCRIPT_PATH} defer />
    </>
  );
}

/**
 * Original and translation side by side, one table row per alignment link, so that aligned
 * paragraphs stand level without any script. With the script, selecting a paragraph (click, or
 * Tab to it and Enter or Space) highlights its counterpart; every block is focusable and carries
 * the number of its link (`data-link`).
 */
export function ParallelView({
  alignment,
  source,
  target,
}: {
  alignment: Alignment;
  source: Text;
  target: Text;
}) {
  const id = parallelAnchor(alignment);
  const sourceBlocks = new Map(source.blocks.map((b) => [b.id, b]));
  const targetBlocks = new Map(target.blocks.map((b) => [b.id, b]));
  return (
    <section id={id} class="parallel" aria-labelledby={`${id}-heading`} data-parallel="">
      <h2 id={`${id}-heading`}>
        Side by side: {textHeading(source)} and {textHeading(target)}
      </h2>
      <p class="muted parallel-help">
        Each row holds paragraphs that say the same thing. Select a paragraph, with the mouse or with Tab and
        Enter, to highlight its counterpart.
      </p>
      <table class="parallel-table">
        <thead>
          <tr>
            <th scope="col">{textHeading(source)}</th>
            <th scope="col">{textHeading(target)}</th>
          </tr>
        </thead>
        <tbody>
          {alignment.links.map((link, index) => (
            <tr
              class={`parallel-row${link.score < UNCERTAIN ? ' parallel-uncertain' : ''}`}
              data-score={String(link.score)}
            >
              <ParallelCell
                id={id}
                text={source}
                ids={link.source}
                blocks={sourceBlocks}
                link={index}
                side="source"
              />
              <ParallelCell
                id={id}
                text={target}
                ids={link.target}
                blocks={targetBlocks}
                link={index}
                side="target"
              />
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function ParallelCell(props: {
  id: string;
  text: Text;
  ids: string[];
  blocks: Map<string, Block>;
  link: number;
  side: 'source' | 'target';
}) {
  const { id, text, ids, blocks, link, side } = props;
  if (ids.length === 0) {
    return (
      <td class="parallel-cell parallel-gap" data-label={textHeading(text)}>
        <p class="muted">Not in the {lowerFirst(textHeading(text))}.</p>
      </td>
    );
  }
  return (
    <td class="parallel-cell" lang={text.language} data-label={textHeading(text)}>
      {ids.map((blockId) => {
        const block = blocks.get(blockId);
        if (!block) return null;
        return (
          <p
            id={`${id}-${text.id}-${block.id}`}
            class={`parallel-block parallel-${block.type}`}
            lang={text.language}
            tabindex={0}
            data-link={String(link)}
            data-side={side}
          >
            <BlockContent text={text} block={block} anchors={false} />
          </p>
        );
      })}
    </td>
  );
}

/**
 * A draft set against the text it became: each row shows the draft's blocks as written, with the
 * author's own deletions struck through and insertions raised, beside the final text's blocks
 * with the word-level changes from the draft's reading: words the final text dropped and words
 * it added.
 */
export function ComparisonView({
  comparison,
  draft,
  final,
}: {
  comparison: DraftComparison;
  draft: Text;
  final: Text;
}) {
  const id = comparisonAnchor(comparison);
  const draftBlocks = new Map(draft.blocks.map((b) => [b.id, b]));
  return (
    <section id={id} class="comparison" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>
        {textHeading(draft)} against the {lowerFirst(textHeading(final))}
      </h2>
      <p class="draft-key">
        Left, the draft as written: words the author struck out are <del>struck through</del>, words he added
        are{' '}
        <ins>
          <sup>raised</sup>
        </ins>
        . Right, where the final text departs from the draft as corrected:{' '}
        <del class="diff-delete">draft words it dropped</del> and{' '}
        <ins class="diff-insert">words it added</ins>.
      </p>
      <table class="comparison-table">
        <thead>
          <tr>
            <th scope="col">{textHeading(draft)}, as written</th>
            <th scope="col">{textHeading(final)}, changes from the draft</th>
          </tr>
        </thead>
        <tbody>
          {comparison.blocks.map((row) => (
            <tr>
              <td
                class="comparison-draft"
                lang={draft.language}
                data-label={`${textHeading(draft)}, as written`}
              >
                {row.draft.length === 0 ? (
                  <p class="muted" lang="en">
                    Not in the draft.
                  </p>
                ) : (
                  row.draft.map((blockId) => {
                    const block = draftBlocks.get(blockId);
                    return block ? (
                      <p lang={draft.language}>
                        <BlockContent text={draft} block={block} anchors={false} />
                      </p>
                    ) : null;
                  })
                )}
              </td>
              <td
                class="comparison-final"
                lang={final.language}
                data-label={`${textHeading(final)}, changes from the draft`}
              >
                {row.final.length === 0 ? (
                  <p class="muted" lang="en">
                    Not in the {lowerFirst(textHeading(final))}.
                  </p>
                ) : (
                  <p lang={final.language}>
                    <Changes changes={row.changes} />
                  </p>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function Changes({ changes }: { changes: TextChange[] }) {
  return (
    <>
      {changes.map((change) =>
        change.op === 'equal' ? (
          change.text
        ) : change.op === 'delete' ? (
          <del class="diff-delete">
            <span class="visually-hidden" lang="en">
              [dropped:{' '}
            </span>
            {change.text}
            <span class="visually-hidden" lang="en">
              ]
            </span>
          </del>
        ) : (
          <ins class="diff-insert">
            <span class="visually-hidden" lang="en">
              [added:{' '}
            </span>
            {change.text}
            <span class="visually-hidden" lang="en">
              ]
            </span>
          </ins>
        ),
      )}
    </>
  );
}

/** "Original (Russian)" → "original (Russian)", for a heading inside a sentence. */
function lowerFirst(words: string): string {
  return words.charAt(0).toLowerCase() + words.slice(1);
}
