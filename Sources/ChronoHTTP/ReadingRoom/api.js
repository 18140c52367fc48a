"use strict";
/* The JSON gateway: POST /v1/<Service>/<Method> with the params as the body. */
const Api = (() => {
  class CallError extends Error {
    constructor(frame) {
      super(frame.message || frame.status);
      this.status = frame.status;
      this.frame = frame;
    }
  }

  /** Calls a method; resolves to its result, rejects with a CallError carrying the protocol status. */
  async function call(method, params = {}) {
    const response = await fetch(`/v1/${method}`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(params),
    });
    const frame = await response.json();
    if (frame.status !== "OK") throw new CallError(frame);
    const revision = document.getElementById("revision");
    if (revision) revision.textContent = `Graph revision ${frame.revision}.`;
    return frame.result;
  }

  /** Every event of a window, through Timeline/Stream (NDJSON), for lookups by id. */
  async function allEvents(params = {}) {
    const response = await fetch("/v1/Timeline/Stream", {
      method: "POST",
      headers: { "Content-Type": "application/json", "Accept": "application/x-ndjson" },
      body: JSON.stringify(params),
    });
    const text = await response.text();
    const events = [];
    for (const line of text.split("\n")) {
      if (!line) continue;
      const frame = JSON.parse(line);
      if (frame.data && frame.data.event) events.push(frame.data.event);
      else if (frame.status && frame.status !== "OK") throw new CallError(frame);
    }
    return events;
  }

  /** The cited lines of one citation, or a CallError (FAILED_PRECONDITION without a documents folder). */
  async function lines(citation) {
    const [from, to] = citation.lines || [1, 1];
    const query = new URLSearchParams({ doc: citation.doc, from, to });
    const response = await fetch(`/v1/documents/lines?${query}`);
    const body = await response.json();
    if (!response.ok) throw new CallError(body);
    return body;
  }

  return { call, allEvents, lines, CallError };
})();
