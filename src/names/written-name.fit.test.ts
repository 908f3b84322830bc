import assert from 'node:assert/strict';
import { test } from 'node:test';
import { writtenFitsName } from './written-name.fit.ts';

test('a form fits the person it names however an edition writes it', () => {
  for (const [written, name] of [
    ['Eisenhower', 'John S. D. Eisenhower'],
    ['Byroade', 'Henry A. Byrode'],
    ['Kasa-Vubu', 'Joseph Kasavubu'],
    ['DeGaulle', 'Charles De Gaulle'],
    ['Mel', 'Melvin R. Laird'],
    ['LBJ', 'Lyndon B. Johnson'],
    ['McG. B.', 'McGeorge Bundy'],
    ['RR', 'Richard Russell'],
    ['K[issinger]', 'Henry A. Kissinger'],
    ['K', 'Kissinger, Henry A.'],
    ['Nasr', 'Nasser (Nasr, Nassir), Col. Gamal Abdul'],
    ['Admiral', 'Radford, Admiral Arthur W.'],
  ])
    assert.ok(writtenFitsName(written as string, [name as string]), `${written} → ${name}`);
});

test('a form that shares nothing with the name is another person’s', () => {
  for (const [written, name] of [
    ['Saud', 'John S. D. Eisenhower'],
    ['Robertson', 'Robert Cutler'],
    ['Rogers', 'Peter W. Rodman'],
    ['Kennedy', 'U. Alexis Johnson'],
    ['Robert Hormats', 'Ralph Hirschtritt'],
  ])
    assert.ok(!writtenFitsName(written as string, [name as string]), `${written} → ${name}`);
});
