import type { Child } from 'hono/jsx';
import type { Block, Mark, Note, Text } from '../record/record.types.ts';
import { type BlockSegment, segmentBlock } from './block.segments.ts';
import { textHeading } from './web.format.ts';

/** Anchor of a text's section ("text-original"). */
export function textAnchor(text: Text): string {
  return `text-${text.id}`;
}

/** Anchor of a block, as record.types.ts promises: `#<text id>-<block id>`. */
export function blockAnchor(text: Text, block: Block): string {
  return `${text.id}-${block.id}`;
}

function noteAnchor(text: Text, noteId: string): string {
  return `${text.id}-note-${noteId}`;
}

function noteCallAnchor(text: Text, noteId: string): string {
  return `${text.id}-noteref-${noteId}`;
}

/**
 * One witness of the document in its own section: a heading naming its kind and language, each
 * block with its `lang` and anchor, and its notes. The section carries `lang` too, so that fonts
 * and hyphenation follow the text, not the English page around it.
 */
export function TextSection({ text }: { text: Text }) {
  const headingId = `${textAnchor(text)}-heading`;
  return (
    <section id={textAnchor(text)} class={`text text-${text.kind}`} aria-labelledby={headingId}>
      <h2 id={headingId}>{textHeading(text)}</h2>
      {text.kind === 'draft' && hasMarks(text, ['deletion', 'insertion']) ? (
        <DraftKey folios={hasMarks(text, ['folio'])} />
      ) : null}
      <div class="text-body" lang={text.language}>
        {groupBlocks(text.blocks).map((group) =>
          Array.isArray(group) ? (
            <ul class="text-list">
              {group.map((block) => (
                <li id={blockAnchor(text, block)} lang={text.language} class="block block-list-item">
                  <BlockContent text={text} block={block} />
                </li>
              ))}
            </ul>
          ) : (
            <BlockView text={text} block={group} />
          ),
        )}
      </div>
      {text.notes && text.notes.length > 0 ? <Notes text={text} notes={text.notes} /> : null}
    </section>
  );
}

function hasMarks(text: Text, types: Mark['type'][]): boolean {
  return text.blocks.some((b) => b.marks.some((m) => types.includes(m.type)));
}

function DraftKey({ folios }: { folios: boolean }) {
  return (
    <p class="draft-key">
      Words the author struck out are shown <del>struck through</del>; words added above the line are shown{' '}
      <ins>
        <sup>raised</sup>
      </ins>
      .{folios ? ' A boxed number marks where a new folio (sheet) of the archival file begins.' : null}
    </p>
  );
}

/** Consecutive list items become one list; every other block stands alone. */
function groupBlocks(blocks: Block[]): (Block | Block[])[] {
  const groups: (Block | Block[])[] = [];
  for (const block of blocks) {
    const last = groups.at(-1);
    if (block.type === 'list-item' && Array.isArray(last)) last.push(block);
    else groups.push(block.type === 'list-item' ? [block] : block);
  }
  return groups;
}

function BlockView({ text, block }: { text: Text; block: Block }) {
  const props = { id: blockAnchor(text, block), lang: text.language, class: `block block-${block.type}` };
  const content = <BlockContent text={text} block={block} />;
  switch (block.type) {
    case 'heading':
      return <h3 {...props}>{content}</h3>;
    case 'quote':
      return (
        <blockquote {...props}>
          <p>{content}</p>
        </blockquote>
      );
    default:
      return <p {...props}>{content}</p>;
  }
}

/**
 * A block's text with its marks: deletions struck, insertions raised, folios as page markers,
 * note calls. With `anchors: false` (the side-by-side and comparison views, which show a block a
 * second time) note calls carry no id, so that no id is given twice on a page.
 */
export function BlockContent({
  text,
  block,
  anchors = true,
}: {
  text: Text;
  block: Block;
  anchors?: boolean;
}) {
  return <>{segmentBlock(block).map((segment) => renderSegment({ text, anchors }, segment))}</>;
}

interface RenderContext {
  text: Text;
  anchors: boolean;
}

function renderSegment(context: RenderContext, segment: BlockSegment): Child {
  if (segment.kind === 'point') return <PointMark context={context} mark={segment.mark} />;
  // Innermost mark first, so that the outermost ends up wrapping the rest.
  return segment.marks.reduceRight<Child>((inner, mark) => wrapInMark(context, mark, inner), segment.text);
}

function wrapInMark({ text, anchors }: RenderContext, mark: Mark, inner: Child): Child {
  switch (mark.type) {
    case 'deletion':
      return <del>{inner}</del>;
    case 'insertion':
      return (
        <ins>
          <sup>{inner}</sup>
        </ins>
      );
    case 'folio':
    case 'page-break':
      // The folio number written into the text: shown as the marker, not as running text.
      return <PageMarker mark={mark}>{mark.text || inner}</PageMarker>;
    case 'footnote-ref':
      return mark.ref && anchors ? (
        <sup class="note-call">
          <a id={noteCallAnchor(text, mark.ref)} href={`#${noteAnchor(text, mark.ref)}`}>
            {inner}
          </a>
        </sup>
      ) : (
        <sup>{inner}</sup>
      );
    case 'signature':
      return <span class="signature-mark">{inner}</span>;
    case 'editorial-note':
      return <span class="editorial">{inner}</span>;
    default:
      return inner;
  }
}

/** A mark at a point: it brings its own text (a folio number, an insertion, a note call). */
function PointMark({ context, mark }: { context: RenderContext; mark: Mark }) {
  switch (mark.type) {
    case 'folio':
    case 'page-break':
      return <PageMarker mark={mark}>{mark.text}</PageMarker>;
    case 'footnote-ref':
      return wrapInMark(context, mark, mark.text || mark.ref || '*');
    case 'signature':
    case 'editorial-note':
      return wrapInMark(context, mark, bracketed(mark.text || mark.type));
    default:
      return mark.text ? wrapInMark(context, mark, mark.text) : null;
  }
}

function bracketed(words: string): string {
  return words.startsWith('[') ? words : `[${words}]`;
}

function PageMarker({ mark, children }: { mark: Mark; children?: Child }) {
  const what = mark.type === 'folio' ? 'Folio' : 'Page';
  return (
    <span class={`page-marker page-marker-${mark.type}`} lang="en">
      <span class="visually-hidden">{`${what} `}</span>
      {children}
    </span>
  );
}

function Notes({ text, notes }: { text: Text; notes: Note[] }) {
  const calls = new Set(
    text.blocks.flatMap((b) => b.marks.filter((m) => m.type === 'footnote-ref' && m.ref).map((m) => m.ref)),
  );
  return (
    <section class="notes" aria-labelledby={`${textAnchor(text)}-notes`}>
      <h3 id={`${textAnchor(text)}-notes`}>Notes</h3>
      <ol class="note-list">
        {notes.map((note) => (
          <li id={noteAnchor(text, note.id)} lang={text.language}>
            <span class="note-number">{note.n}</span> {note.text}
            {calls.has(note.id) ? (
              <>
                {' '}
                <a class="note-back" href={`#${noteCallAnchor(text, note.id)}`} lang="en">
                  <span aria-hidden="true">↩</span>
                  <span class="visually-hidden">Back to the text</span>
                </a>
              </>
            ) : note.blockId ? (
              <>
                {' '}
                <a class="note-back" href={`#${text.id}-${note.blockId}`} lang="en">
                  <span aria-hidden="true">↩</span>
                  <span class="visually-hidden">Back to the paragraph</span>
                </a>
              </>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
