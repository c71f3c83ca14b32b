import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { serveFiles } from '../src/load/credits.js';
import type { PrefetchMessage } from '../src/load/prefetch.js';

type Message = PrefetchMessage<number>;
const ports: MessagePort[] = [];
afterEach(() => ports.splice(0).forEach((p) => p.close()));

/** A worker side running `run`, and the messages the main side has received so far. */
function serve(ahead: number, run: (send: (m: Message, transfer?: readonly ArrayBuffer[]) => Promise<void>) => Promise<void>) {
  const { port1: worker, port2: main } = new MessageChannel();
  ports.push(worker, main);
  const got: Message[] = [];
  main.on('message', (m: Message) => got.push(m));
  serveFiles<{ type: 'start' }, number>(worker, ahead, (_start, send) => run(send));
  main.postMessage({ type: 'start' });
  return { got, credit: () => main.postMessage({ type: 'credit' }) };
}

const settle = () => new Promise((r) => setTimeout(r, 20));

describe('serveFiles', () => {
  it('sends at most `ahead` messages not yet given back, and one more for each credit', async () => {
    const { got, credit } = serve(3, async (send) => {
      for (let i = 0; i < 6; i++) await send({ type: 'events', index: 0, events: [i] });
      await send({ type: 'done', index: 0 });
    });
    await settle();
    expect(got.map((m) => (m.type === 'events' ? m.events[0] : m.type))).toEqual([0, 1, 2]);
    credit();
    await settle();
    expect(got).toHaveLength(4);
    for (let i = 0; i < 3; i++) credit();
    await settle();
    expect(got.map((m) => (m.type === 'events' ? m.events[0] : m.type))).toEqual([0, 1, 2, 3, 4, 5, 'done']);
  });

  it('moves the buffers it is given rather than copying them', async () => {
    const sent = new Int32Array([1, 2, 3]);
    const { got } = serve(2, (send) => send({ type: 'events', index: 0, events: [sent[0]!] }, [sent.buffer]));
    await settle();
    expect(got).toEqual([{ type: 'events', index: 0, events: [1] }]);
    // A moved buffer is no longer this side's.
    expect(sent.buffer.byteLength).toBe(0);
  });

  it('gives back a failure as one message with its code', async () => {
    const { got } = serve(2, () => Promise.reject(Object.assign(new Error('no such file'), { code: 'ENOENT' })));
    await settle();
    expect(got).toEqual([{ type: 'failed', message: 'no such file', code: 'ENOENT' }]);
  });
});
