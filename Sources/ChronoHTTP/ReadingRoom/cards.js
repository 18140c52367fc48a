"use strict";
/* Cards: an event or an entity with its date in words and in EDTF, its links, its figures and disputes, and
   every citation with the cited lines read from the documents' folder. */
const Cards = (() => {
  /** Builds an element from a tag, attributes and children (strings become text, never markup). */
  function h(tag, attributes = {}, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attributes)) {
      if (value === undefined || value === null || value === false) continue;
      node.setAttribute(key, value === true ? "" : value);
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined) continue;
      node.append(child instanceof Node ? child : String(child));
    }
    return node;
  }

  const entityLink = (ref) => h("a", { href: `#/entity?id=${encodeURIComponent(ref.id)}` }, ref.name || ref.id);
  const eventLink = (event) => h("a", { href: `#/event?id=${encodeURIComponent(event.id)}` }, event.title);

  function dateBlock(value) {
    if (!value) return h("p", { class: "date" }, "Undated.");
    return h("p", { class: "date" }, Dates.describe(value), " ", h("code", { title: "EDTF" }, value.edtf));
  }

  /** A citation and, once read, its lines. */
  function citation(c) {
    const [from, to] = c.lines || [];
    const block = h("figure", { class: "citation" },
      h("figcaption", {}, h("strong", {}, c.doc), from ? `, lines ${from}–${to}` : "", c.ref ? ` — ${c.ref}` : ""));
    const quote = h("blockquote", { class: "cited-lines" }, "Reading the cited lines…");
    block.append(quote);
    Api.lines(c).then((excerpt) => {
      quote.replaceChildren(...excerpt.lines.map((line) =>
        h("span", { class: "line" }, h("span", { class: "n", "aria-hidden": "true" }, line.n), line.text)));
    }).catch((error) => {
      quote.className = "cited-lines unavailable";
      quote.textContent = error.status === "FAILED_PRECONDITION"
        ? "The cited lines cannot be shown: this chronod was started without a documents folder (--documents DIR)."
        : `The cited lines cannot be shown: ${error.message}`;
    });
    return block;
  }

  const citations = (list) => (list && list.length
    ? h("section", { class: "citations" }, h("h3", {}, `Sources (${list.length})`), list.map(citation))
    : h("p", { class: "muted" }, "No citation."));

  function figure(f) {
    const value = f.high !== undefined && f.high !== null ? `${f.value.toLocaleString("en")}–${f.high.toLocaleString("en")}` : f.value.toLocaleString("en");
    return h("li", { class: "figure" },
      h("strong", {}, `${f.qualifier && f.qualifier !== "exact" ? f.qualifier + " " : ""}${value} ${f.unit || ""}`),
      ` — ${f.measure}`, f.date ? ` (${f.date.text || f.date.edtf})` : "",
      h("details", {}, h("summary", {}, "sources"), f.citations.map(citation)));
  }

  /** Claims side by side, each with its sources. */
  function dispute(d) {
    return h("section", { class: "dispute" }, h("h4", {}, d.topic),
      h("div", { class: "claims" }, d.claims.map((claim) =>
        h("article", { class: "claim" }, h("p", {}, claim.claim), claim.citations.map(citation)))));
  }

  function eventCard(event) {
    return h("article", { class: "card event-card", "data-id": event.id },
      h("p", { class: "kicker" }, event.type.replaceAll("_", " ")),
      h("h2", {}, event.title),
      dateBlock(event.date),
      h("p", { class: "summary" }, event.summary || ""),
      event.participants && event.participants.length ? h("section", {}, h("h3", {}, "Who"),
        h("ul", { class: "participants" }, event.participants.map((p) =>
          h("li", {}, entityLink(p.entity), ` — ${p.role}`)))) : null,
      citations(event.citations));
  }

  async function entityCard(id) {
    const result = await Api.call("Entity/Get", { id });
    const entity = result.entity;
    const names = new Map([[entity.id, entity], ...result.neighbors.map((n) => [n.id, n])]);
    const disputes = await Api.call("Disputes/List", { subject: entity.id }).then((r) => r.disputes).catch(() => []);
    const dates = Object.entries(entity.dates || {});
    return h("article", { class: "card entity-card", "data-id": entity.id },
      h("p", { class: "kicker" }, `${entity.kind} · ${entity.family}`),
      h("h2", {}, entity.name),
      entity.aliases && entity.aliases.length ? h("p", { class: "aliases" }, "Also: ", entity.aliases.join("; ")) : null,
      entity.number ? h("p", {}, entity.number) : null,
      h("p", { class: "summary" }, entity.summary || ""),
      dates.length ? h("dl", { class: "dates" }, dates.flatMap(([name, value]) => [h("dt", {}, name.replaceAll("_", " ")), h("dd", {}, dateBlock(value))])) : null,
      h("p", { class: "actions" },
        h("a", { href: `#/neighbors?id=${encodeURIComponent(entity.id)}` }, "Its neighbourhood"), " · ",
        h("a", { href: `#/paths?from=${encodeURIComponent(entity.id)}` }, "Connect it to…"), " · ",
        h("a", { href: `#/timeline?actors=${encodeURIComponent(entity.id)}` }, "Its timeline")),
      result.relations.length ? h("section", {}, h("h3", {}, `Relations (${result.relations.length})`),
        h("ul", { class: "relations" }, result.relations.map((edge) => h("li", {},
          entityLink(names.get(edge.from) || { id: edge.from }), ` ${Graph.relation(edge.type)} `,
          entityLink(names.get(edge.to) || { id: edge.to }),
          edge.date ? ` (${edge.date.text || edge.date.edtf})` : "",
          h("details", {}, h("summary", {}, "evidence"), edge.summary ? h("p", {}, edge.summary) : null, edge.citations.map(citation)))))) : null,
      result.events.length ? h("section", {}, h("h3", {}, `Events (${result.events.length})`),
        h("ul", {}, result.events.map((e) => h("li", {}, eventLink(e), ` — ${e.date ? e.date.text || e.date.edtf : "undated"}`)))) : null,
      result.figures.length ? h("section", {}, h("h3", {}, `Figures (${result.figures.length})`), h("ul", { class: "figures" }, result.figures.map(figure))) : null,
      disputes.length ? h("section", {}, h("h3", {}, `Disputed (${disputes.length})`), disputes.map(dispute)) : null,
      citations(entity.citations));
  }

  return { h, eventCard, entityCard, citation, entityLink, eventLink };
})();
