"use strict";
/* The reading room: each view's state lives in the URL hash (#/view?key=value…), so a shared link reopens
   the same view; forms write the hash and the hash draws the view. */
(() => {
  const { h } = Cards;
  const main = document.getElementById("main");
  const card = document.getElementById("card");
  const list = (text) => (text || "").split(",").map((s) => s.trim()).filter(Boolean);

  function route() {
    const hash = location.hash.replace(/^#\/?/, "");
    const [view, query] = hash.split("?");
    return { view: view || "timeline", params: new URLSearchParams(query || "") };
  }

  function hashFor(view, params) {
    const clean = new URLSearchParams();
    for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== null && value !== "") clean.set(key, value);
    return `#/${view}${clean.toString() ? "?" + clean : ""}`;
  }

  /** Opens a view: its state goes into the URL, and the URL draws it. */
  function go(view, params) {
    const target = hashFor(view, params);
    if (location.hash === target) render(); else location.hash = target;
  }

  function failure(error) {
    return h("div", { class: "error", role: "alert" }, h("strong", {}, error.status || "Error"), ": ", error.message);
  }

  function field(label, name, value, attributes = {}) {
    const id = `field-${name}`;
    return h("p", { class: "field" }, h("label", { for: id }, label), h("input", { id, name, value: value || "", ...attributes }));
  }

  function showCard(node) {
    card.replaceChildren(h("button", { type: "button", class: "close", "aria-label": "Close the card" }, "×"), node);
    card.hidden = false;
    card.querySelector(".close").addEventListener("click", () => {
      const { view, params } = route();
      params.delete("event");
      history.pushState(null, "", hashFor(view, Object.fromEntries(params)));
      hideCard();
    });
    card.querySelector("h2")?.setAttribute("tabindex", "-1");
    card.querySelector("h2")?.focus();
  }
  function hideCard() { card.hidden = true; card.replaceChildren(); }

  // MARK: - Timeline

  async function timeline(params) {
    const values = Object.fromEntries(params);
    const form = h("form", { class: "query", id: "timeline-form" },
      h("h2", {}, "Timeline"),
      h("div", { class: "fields" },
        field("From (year or EDTF)", "from", values.from, { placeholder: "2006", size: 10 }),
        field("To", "to", values.to, { placeholder: "2007", size: 10 }),
        field("Actors (names, commas)", "actors", values.actors, { list: "name-suggestions", class: "name-field" }),
        field("Instruments", "instruments", values.instruments, { list: "name-suggestions", class: "name-field" }),
        field("Event types", "types", values.types, { placeholder: "statement, agreement" }),
        field("Words", "text", values.text)),
      h("button", { type: "submit" }, "Draw the timeline"));
    form.addEventListener("submit", (ev) => {
      ev.preventDefault();
      go("timeline", Object.fromEntries(new FormData(form)));
    });
    const drawing = h("div", { class: "timeline-frame" });
    main.replaceChildren(form, drawing);
    if (![...params.keys()].some((k) => ["from", "to", "actors", "instruments", "types", "text"].includes(k))) {
      drawing.append(h("p", { class: "hint" }, "Give a period (for example 2006 to 2007), a name or some words."));
      return;
    }
    const query = { limit: 500 };
    if (values.from) query.from = /^-?\d+$/.test(values.from) ? Number(values.from) : values.from;
    if (values.to) query.to = /^-?\d+$/.test(values.to) ? Number(values.to) : values.to;
    for (const key of ["actors", "instruments", "types"]) if (values[key]) query[key] = list(values[key]);
    if (values.text) query.text = values.text;
    drawing.append(h("p", { class: "hint" }, "Reading the timeline…"));
    try {
      let events = [], result;
      do {
        result = await Api.call("Timeline/Query", result && result.next_cursor ? { ...query, cursor: result.next_cursor } : query);
        events = events.concat(result.events);
      } while (result.next_cursor && events.length < 2000);
      const from = result.window.lower ? Dates.day(result.window.lower) : Dates.fieldBound(values.from, false);
      const to = result.window.upper ? Dates.day(result.window.upper) : Dates.fieldBound(values.to, true);
      drawing.replaceChildren(h("p", { class: "summary-line" }, `${events.length} events. `, result.ordering));
      if (events.length === 0) return;
      const byId = new Map(events.map((e) => [e.id, e]));
      // Opening a card keeps the drawing (and its zoom) and records the card in the URL.
      Timeline.draw(drawing, events, from, to, (event) => {
        history.pushState(null, "", hashFor("timeline", { ...values, event: event.id }));
        showCard(Cards.eventCard(event));
      });
      if (values.event && byId.has(values.event)) showCard(Cards.eventCard(byId.get(values.event)));
    } catch (error) {
      drawing.replaceChildren(failure(error));
    }
  }

  // MARK: - Connections

  async function paths(params) {
    const values = Object.fromEntries(params);
    const form = h("form", { class: "query", id: "paths-form" },
      h("h2", {}, "Connections between two names"),
      h("div", { class: "fields" },
        field("From", "from", values.from, { list: "name-suggestions", class: "name-field", required: true }),
        field("To", "to", values.to, { list: "name-suggestions", class: "name-field", required: true }),
        field("Paths (1–10)", "k", values.k || "3", { type: "number", min: 1, max: 10 }),
        field("Longest path (hops)", "max_depth", values.max_depth || "4", { type: "number", min: 1, max: 8 })),
      h("button", { type: "submit" }, "Find the paths"));
    form.addEventListener("submit", (ev) => { ev.preventDefault(); go("paths", Object.fromEntries(new FormData(form))); });
    const out = h("div", { class: "paths" });
    main.replaceChildren(form, out);
    if (!values.from || !values.to) return;
    try {
      const result = await Api.call("Graph/Paths", { from: values.from, to: values.to, k: Number(values.k || 3), max_depth: Number(values.max_depth || 4) });
      if (!result.paths.length) { out.append(h("p", {}, "No path within that many hops.")); return; }
      result.paths.forEach((p, index) => {
        out.append(h("section", { class: "path", "data-hops": p.hops.length },
          h("h3", {}, `Path ${index + 1}: ${p.length} hop${p.length === 1 ? "" : "s"}`),
          Graph.path(p, index),
          h("ol", { class: "evidence" }, p.hops.map((hop, i) => h("li", {},
            Cards.entityLink(p.nodes[i]), ` ${hop.forward ? "" : "← "}${Graph.relation(hop.edge.type)}${hop.forward ? " →" : ""} `,
            Cards.entityLink(p.nodes[i + 1]), hop.edge.summary ? h("p", {}, hop.edge.summary) : null,
            h("details", {}, h("summary", {}, `evidence (${hop.edge.citations.length})`), hop.edge.citations.map(Cards.citation)))))));
      });
      if (result.truncated) out.append(h("p", { class: "muted" }, `The search stopped at its ${result.truncated.budget} budget.`));
    } catch (error) {
      out.append(failure(error));
    }
  }

  async function neighbors(params) {
    const values = Object.fromEntries(params);
    const form = h("form", { class: "query", id: "neighbors-form" },
      h("h2", {}, "Neighbourhood"),
      h("div", { class: "fields" },
        field("Entity", "id", values.id, { list: "name-suggestions", class: "name-field", required: true }),
        field("Depth (1–3)", "depth", values.depth || "1", { type: "number", min: 1, max: 3 }),
        field("Relations (types, commas)", "relations", values.relations),
        field("Kinds (commas)", "kinds", values.kinds),
        field("From", "from", values.from, { size: 10 }),
        field("To", "to", values.to, { size: 10 })),
      h("button", { type: "submit" }, "Draw"));
    form.addEventListener("submit", (ev) => { ev.preventDefault(); go("neighbors", Object.fromEntries(new FormData(form))); });
    const out = h("div", { class: "neighbourhood" });
    main.replaceChildren(form, out);
    if (!values.id) return;
    const query = { id: values.id, depth: Number(values.depth || 1), limit: 300 };
    if (values.relations) query.relations = list(values.relations);
    if (values.kinds) query.kinds = list(values.kinds);
    if (values.from) query.from = values.from;
    if (values.to) query.to = values.to;
    try {
      const result = await Api.call("Graph/Neighbors", query);
      const names = new Map(result.nodes.map((n) => [n.entity.id, n.entity]));
      names.set(result.root.id, result.root);
      out.append(Graph.neighbourhood(result),
        h("ul", { class: "edges" }, result.edges.map((edge) => h("li", {},
          Cards.entityLink(names.get(edge.from) || { id: edge.from }), ` ${Graph.relation(edge.type)} `,
          Cards.entityLink(names.get(edge.to) || { id: edge.to })))));
    } catch (error) {
      out.append(failure(error));
    }
  }

  // MARK: - Search and cards

  /** A snippet's matched words, given between `**`, as <mark>s. */
  const marked = (snippet) => snippet.split("**").map((part, index) => (index % 2 ? h("mark", {}, part) : part));

  /** One hit of the ranked search: its kind and date, a link to its card where it has one, the snippet. */
  function hit(r) {
    const title = r.kind === "entity" ? Cards.entityLink({ id: r.id, name: r.title })
      : r.kind === "event" ? Cards.eventLink({ id: r.id, title: r.title })
      : h("strong", {}, r.title);
    const label = [r.entity_kind || r.kind, r.date ? r.date.text || r.date.edtf : null].filter(Boolean).join(" · ");
    return h("li", { class: `hit ${r.kind}` }, h("span", { class: "muted" }, `${label} `), title,
      h("p", { class: "snippet" }, marked(r.snippet)),
      r.citations.length ? h("details", {}, h("summary", {}, `sources (${r.citations.length})`), r.citations.map(Cards.citation)) : null);
  }

  async function search(params) {
    const text = params.get("q") || "";
    document.getElementById("search-box").value = text;
    const out = h("ol", { class: "results" });
    main.replaceChildren(h("h2", {}, `Records matching “${text}”`), out);
    if (!text.trim()) return;
    try {
      const result = await Api.call("Search/Query", { text, limit: 50 });
      if (!result.results.length) out.replaceWith(h("p", {}, "Nothing matches."));
      for (const r of result.results) out.append(hit(r));
    } catch (error) {
      out.replaceWith(failure(error));
    }
  }

  async function entity(params) {
    main.replaceChildren(h("p", { class: "hint" }, "Reading…"));
    try { main.replaceChildren(await Cards.entityCard(params.get("id"))); } catch (error) { main.replaceChildren(failure(error)); }
  }

  async function event(params) {
    main.replaceChildren(h("p", { class: "hint" }, "Reading…"));
    try {
      const found = (await Api.allEvents({})).find((e) => e.id === params.get("id"));
      main.replaceChildren(found ? Cards.eventCard(found) : failure({ status: "NOT_FOUND", message: `no event ${params.get("id")}` }));
    } catch (error) { main.replaceChildren(failure(error)); }
  }

  const views = { timeline, paths, neighbors, search, entity, event };

  async function render() {
    const { view, params } = route();
    hideCard();
    for (const link of document.querySelectorAll("nav a")) {
      if (link.dataset.view === view) link.setAttribute("aria-current", "page"); else link.removeAttribute("aria-current");
    }
    document.title = `${view[0].toUpperCase()}${view.slice(1)} — Chronograph reading room`;
    await (views[view] || timeline)(params);
    document.body.dataset.ready = location.hash;
  }

  // Names autocomplete in every field that lists "name-suggestions".
  let pending = null;
  document.addEventListener("input", (ev) => {
    const input = ev.target;
    if (input.getAttribute("list") !== "name-suggestions") return;
    clearTimeout(pending);
    const text = input.value.split(",").pop().trim();
    if (text.length < 2) return;
    pending = setTimeout(async () => {
      try {
        const result = await Api.call("Entity/Search", { text, limit: 10 });
        document.getElementById("name-suggestions").replaceChildren(
          ...result.results.map((r) => h("option", { value: r.entity.name }, r.entity.kind)));
      } catch (error) { /* suggestions are a convenience; the search itself reports errors */ }
    }, 200);
  });
  document.getElementById("search-form").addEventListener("submit", (ev) => {
    ev.preventDefault();
    go("search", { q: document.getElementById("search-box").value });
  });
  window.addEventListener("hashchange", render);
  render();
})();
