import assert from 'node:assert/strict';
import { Socket } from 'node:net';
import { test } from 'node:test';
import { FairGate } from './fair.gate.ts';

/** A request that works until told to finish, and says when it started. */
function request(gate: FairGate, socket: Socket, name: string, started: string[]) {
  let finish = () => {};
  const done = gate.run(socket, async () => {
    started.push(name);
    await new Promise<void>((resolve) => {
      finish = resolve;
    });
  });
  return { done, finish: () => finish() };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

test('a connection’s first request goes ahead of those of connections already served, which keep their order', async () => {
  const gate = new FairGate(1);
  const started: string[] = [];
  const [a, b, c, newcomer] = [new Socket(), new Socket(), new Socket(), new Socket()];
  // a, b and c have each been served once.
  for (const socket of [a, b, c]) {
    const warm = request(gate, socket, 'warm-up', []);
    await tick();
    warm.finish();
    await warm.done;
  }
  const busy = request(gate, a, 'a', started);
  const fromB = request(gate, b, 'b', started);
  const fromC = request(gate, c, 'c', started);
  const fresh = request(gate, newcomer, 'newcomer', started);
  await tick();
  assert.deepEqual(started, ['a'], 'one at a time');
  assert.equal(gate.waiting, 3);
  for (const r of [busy, fresh, fromB, fromC]) {
    r.finish();
    await r.done.catch(() => {});
    await tick();
  }
  assert.deepEqual(started, ['a', 'newcomer', 'b', 'c']);
  assert.equal(gate.waiting, 0);
});

test('a request that fails frees its place', async () => {
  const gate = new FairGate(1);
  await assert.rejects(
    gate.run(new Socket(), async () => {
      throw new Error('broken page');
    }),
    /broken page/,
  );
  assert.equal(await gate.run(new Socket(), async () => 'served'), 'served');
});
