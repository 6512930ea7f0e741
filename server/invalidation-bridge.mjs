// Public-cache invalidations from the Next.js thread, where lib/ records them (a publish
// here, or one heard from another instance over LISTEN/NOTIFY), to the front thread,
// which keeps the pages. A message carries each one; a shared counter says one was sent,
// so the front can read it synchronously, before it answers, instead of whenever its
// event loop gets to the message: a page changed before the Next.js thread answered a
// request is never served stale by the front after that answer.
// docs/decisions/014-front-thread.md
import { MessageChannel, receiveMessageOnPort } from 'node:worker_threads';
import {
  onInvalidation,
  recordEverythingInvalidated,
  recordInvalidation,
} from '../lib/public-cache/invalidation-registry.js';

/**
 * What the Next.js thread needs to send (passed in its workerData; `port` transferred).
 * @typedef {{ port: import('node:worker_threads').MessagePort, generation: Int32Array }} InvalidationSender
 */

/** @param {import('../lib/public-cache/invalidation-registry.js').InvalidationEvent} event */
function apply(event) {
  if (event.tags === null) recordEverythingInvalidated(event.at);
  else recordInvalidation(event.tags, event.at);
}

/**
 * The front thread's end. `sender` goes to the Next.js thread; `catchUp()` applies every
 * invalidation sent so far to this thread's record, at once (a load of the counter when
 * there is none, so it can run before every answer); `close()` stops listening.
 * @returns {{ sender: InvalidationSender, catchUp: () => void, close: () => void }}
 */
export function createInvalidationReceiver() {
  const { port1, port2 } = new MessageChannel();
  const generation = new Int32Array(new SharedArrayBuffer(4));
  let seen = 0;
  // Also applied when the event loop gets to them, for pages asked for in between.
  port1.on('message', apply);
  return {
    sender: { port: port2, generation },
    catchUp() {
      const current = Atomics.load(generation, 0);
      if (current === seen) return;
      seen = current;
      for (let waiting = receiveMessageOnPort(port1); waiting; waiting = receiveMessageOnPort(port1)) {
        apply(waiting.message);
      }
    },
    close: () => port1.close(),
  };
}

/**
 * The Next.js thread's end: every invalidation recorded in this thread from now on is
 * sent to the front. The message first, then the counter, so a front that sees the
 * counter move finds the message waiting.
 * @param {InvalidationSender} sender
 * @returns {() => void} stops sending
 */
export function sendInvalidations({ port, generation }) {
  return onInvalidation((event) => {
    port.postMessage(event);
    Atomics.add(generation, 0, 1);
  });
}
