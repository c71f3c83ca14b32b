import type { MessagePort, TransferListItem } from 'node:worker_threads';
import type { PrefetchMessage } from './prefetch.js';

/**
 * A loading worker's side of Prefetch: on the start message, `run` reads the files and sends their
 * events; a failure goes back as one message. Flow control: at most `ahead` messages sent and not
 * yet taken by the main thread, each one it takes comes back as a credit, so memory stays bounded.
 */
export function serveFiles<S, E>(
  port: MessagePort,
  ahead: number,
  run: (start: S, send: (m: PrefetchMessage<E>, transfer?: readonly TransferListItem[]) => Promise<void>) => Promise<void>,
): void {
  let credits = ahead;
  let wake: (() => void) | undefined;
  // `transfer`: buffers the message moves rather than copies (none of them used here afterwards).
  const send = async (message: PrefetchMessage<E>, transfer?: readonly TransferListItem[]) => {
    while (credits <= 0) await new Promise<void>((r) => (wake = r));
    credits--;
    port.postMessage(message, transfer);
  };
  port.on('message', (m: { type: 'credit' } | S) => {
    if ((m as { type?: unknown }).type === 'credit') {
      credits++;
      wake?.();
      return;
    }
    run(m as S, send).catch((e: Error) => port.postMessage({ type: 'failed', message: e.message, code: (e as NodeJS.ErrnoException).code } satisfies PrefetchMessage<E>));
  });
}
