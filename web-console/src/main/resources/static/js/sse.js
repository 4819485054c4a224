// A fetch-based Server-Sent Events client. The browser's EventSource cannot be told where to resume after a page
// reload, and cannot send headers; this one sends Last-Event-ID itself, reconnects with back-off and stops for good
// when the session has ended (401).

/**
 * opts: {lastEventId, onEvent({event, id, data}), onState('connecting'|'live'|'reconnecting'|'signed-out'), onSignedOut}
 * Returns {close(), lastEventId}.
 */
export function openStream(url, opts) {
  let last = opts.lastEventId ?? null;
  let stopped = false;
  let controller = null;
  let delay = 1000;
  const state = s => opts.onState?.(s);

  async function connect() {
    controller = new AbortController();
    state('connecting');
    const headers = { Accept: 'text/event-stream' };
    if (last !== null && last !== undefined) headers['Last-Event-ID'] = String(last);
    try {
      const response = await fetch(url, { headers, signal: controller.signal, credentials: 'same-origin', cache: 'no-store' });
      if (response.status === 401) {
        stopped = true;
        state('signed-out');
        opts.onSignedOut?.();
        return;
      }
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      state('live');
      delay = 1000;
      await read(response.body);
    } catch (e) {
      if (stopped) return;
    }
    if (stopped) return;
    state('reconnecting');
    setTimeout(() => { if (!stopped) connect(); }, delay);
    delay = Math.min(delay * 2, 30000);
  }

  async function read(body) {
    const reader = body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    let event = { event: 'message', data: [], id: null };
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += value;
      let end;
      while ((end = buffer.search(/\r\n|\r|\n/)) >= 0) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + (buffer.startsWith('\r\n', end) ? 2 : 1));
        if (line === '') {
          if (event.data.length) {
            if (event.id !== null) last = event.id;
            opts.onEvent({ event: event.event, id: event.id, data: event.data.join('\n') });
          }
          event = { event: 'message', data: [], id: null };
          continue;
        }
        if (line.startsWith(':')) continue;
        const colon = line.indexOf(':');
        const name = colon < 0 ? line : line.slice(0, colon);
        let val = colon < 0 ? '' : line.slice(colon + 1);
        if (val.startsWith(' ')) val = val.slice(1);
        if (name === 'data') event.data.push(val);
        else if (name === 'event') event.event = val;
        else if (name === 'id') event.id = val;
      }
    }
  }

  connect();
  return {
    close() { stopped = true; controller?.abort(); },
    get lastEventId() { return last; },
  };
}
