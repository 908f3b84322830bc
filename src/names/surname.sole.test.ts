import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Authority } from '../record/record.types.ts';
import { AuthorityIndex } from './authority.index.ts';
import { soleSurname } from './surname.sole.ts';

/** A person as a FRUS persons list gives them: the running form and the list's inverted one. */
function listed(id: string, running: string, inverted?: string): Authority {
  return {
    id,
    kind: 'person',
    name: running,
    names: inverted ? [{ form: inverted, kind: 'variant', source: 'frus' }] : [],
  };
}

const mikoyan = listed('mikoyan', 'Anastas Ivanovich Mikoyan', 'Mikoyan, Anastas Ivanovich');
const john = listed('jfk', 'John F. Kennedy', 'Kennedy, John F.');
const robert = listed('rfk', 'Robert F. Kennedy', 'Kennedy, Robert F.');
const george = listed('west', 'George S. West', 'West, George S.');
const chou = listed('chou', 'Chou En-lai', 'Chou En-lai');
const li = listed('li', 'Li Wei', 'Li, Wei');

test('a surname borne by one person of the archive is theirs alone, though others are known by it only', () => {
  const index = new AuthorityIndex([mikoyan, john, robert, listed('mikoyan-2', 'Mikoyan')]);
  assert.equal(soleSurname(mikoyan, index), 'Mikoyan');
});

test('a surname two people bear, a place or body of that name, or a short one is nobody’s alone', () => {
  const index = new AuthorityIndex([
    mikoyan,
    john,
    robert,
    george,
    li,
    { id: 'west-germany', kind: 'place', name: 'West', names: [] },
  ]);
  assert.equal(soleSurname(john, index), null);
  assert.equal(soleSurname(robert, index), null);
  assert.equal(soleSurname(george, index), null);
  assert.equal(soleSurname(li, index), null);
});

test('a name the sources never wrote surname first says not which word is the surname', () => {
  assert.equal(soleSurname(chou, new AuthorityIndex([chou])), null);
  const running = listed('acheson', 'Dean Acheson');
  assert.equal(soleSurname(running, new AuthorityIndex([running])), null);
});

test('a bracketed other spelling is no part of the surname', () => {
  const nassiri = listed('nassiri', 'Nematollah Nassiri', 'Nassiri (Nasseri), Nematollah');
  assert.equal(soleSurname(nassiri, new AuthorityIndex([nassiri])), 'Nassiri');
});
