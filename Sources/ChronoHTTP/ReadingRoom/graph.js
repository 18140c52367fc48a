"use strict";
/* Connections drawn as graphs: paths as chains of hops (relation above each arrow, its evidence below the
   drawing), and a neighbourhood as rings around one entity. */
const Graph = (() => {
  const NS = "http://www.w3.org/2000/svg";
  function el(name, attributes = {}, parent) {
    const node = document.createElementNS(NS, name);
    for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
    if (parent) parent.appendChild(node);
    return node;
  }
  const short = (text, n = 26) => (text.length > n ? `${text.slice(0, n - 1)}…` : text);
  const relation = (type) => type.replaceAll("_", " ");

  /** A node box linking to its card. */
  function node(svg, entity, x, y, cls = "") {
    const a = el("a", { href: `#/entity?id=${encodeURIComponent(entity.id)}`, class: `node ${entity.family || ""} ${cls}` }, svg);
    el("title", {}, a).textContent = `${entity.name} (${entity.kind})`;
    const width = Math.max(short(entity.name).length * 7.2 + 20, 70);
    el("rect", { x: x - width / 2, y: y - 16, width, height: 32, rx: 6 }, a);
    el("text", { x, y: y + 5, "text-anchor": "middle" }, a).textContent = short(entity.name);
    return width;
  }

  /** One path as a chain: node, hop, node…, at its natural size (never scaled up); returns the svg. */
  function path(result, index) {
    const gap = 250, margin = 120, y = 56;
    const width = margin * 2 + gap * result.hops.length, height = 100;
    const svg = el("svg", { class: "path-graph", viewBox: `0 0 ${width} ${height}`, width, height, role: "img",
      "aria-label": `Path ${index + 1}: ` + result.nodes.map((n) => n.name).join(" — ") });
    const defs = el("defs", {}, svg);
    const marker = el("marker", { id: `arrow-${index}`, viewBox: "0 0 10 10", refX: "9", refY: "5", markerWidth: "7", markerHeight: "7", orient: "auto-start-reverse" }, defs);
    el("path", { d: "M0 0 L10 5 L0 10 Z", class: "arrowhead" }, marker);
    const x = (i) => margin + gap * i;
    result.hops.forEach((hop, i) => {
      const x0 = x(i) + 62, x1 = x(i + 1) - 62, centre = (x(i) + x(i + 1)) / 2;
      const line = el("line", { x1: x0, x2: x1, y1: y, y2: y, class: "hop" }, svg);
      line.setAttribute(hop.forward ? "marker-end" : "marker-start", `url(#arrow-${index})`);
      el("text", { x: centre, y: y - 26, "text-anchor": "middle", class: "hop-label" }, svg).textContent =
        `${i + 1}. ${relation(hop.edge.type)}`;
      if (hop.edge.date) el("text", { x: centre, y: y + 34, "text-anchor": "middle", class: "hop-date" }, svg).textContent =
        short(hop.edge.date.text || hop.edge.date.edtf, 34);
    });
    result.nodes.forEach((entity, i) => node(svg, entity, x(i), y));
    return svg;
  }

  /** Rings around `result.root`: depth 1 on the inner ring, depth 2 outside it; a crowded ring becomes dots
      with their names along the radius. */
  function neighbourhood(result) {
    const byDepth = new Map();
    for (const n of result.nodes) {
      if (n.entity.id === result.root.id) continue;
      if (!byDepth.has(n.depth)) byDepth.set(n.depth, []);
      byDepth.get(n.depth).push(n.entity);
    }
    const depths = [...byDepth.keys()].sort();
    const radii = [];
    let radius = 0;
    for (const depth of depths) {
      const count = byDepth.get(depth).length;
      radius = Math.max(radius + 150, (count * 15) / (2 * Math.PI), 150);
      radii.push(radius);
    }
    const crowded = (count) => count > 14;
    const outer = radius + (depths.length && crowded(byDepth.get(depths.at(-1)).length) ? 215 : 110);
    const size = Math.max(2 * outer, 500), centre = size / 2;
    const position = new Map([[result.root.id, [centre, centre, 0, false]]]);
    depths.forEach((depth, ring) => {
      const ringNodes = byDepth.get(depth);
      ringNodes.forEach((entity, i) => {
        const angle = (2 * Math.PI * i) / ringNodes.length + ring * 0.3;
        position.set(entity.id, [centre + radii[ring] * Math.cos(angle), centre + radii[ring] * Math.sin(angle), angle, crowded(ringNodes.length)]);
      });
    });
    const svg = el("svg", { class: "neighbour-graph", viewBox: `0 0 ${size} ${size}`, role: "img",
      "aria-label": `The neighbourhood of ${result.root.name}: ${result.nodes.length - 1} entities` });
    for (const edge of result.edges) {
      const a = position.get(edge.from), b = position.get(edge.to);
      if (!a || !b) continue;
      const line = el("line", { x1: a[0], y1: a[1], x2: b[0], y2: b[1], class: "hop" }, svg);
      el("title", {}, line).textContent = relation(edge.type);
    }
    const entities = new Map(result.nodes.map((n) => [n.entity.id, n.entity]));
    entities.set(result.root.id, result.root);
    for (const [id, [x, y, angle, dot]] of position) {
      const entity = entities.get(id);
      if (!dot) { node(svg, entity, x, y, id === result.root.id ? "root" : ""); continue; }
      const a = el("a", { href: `#/entity?id=${encodeURIComponent(id)}`, class: `node dot ${entity.family || ""}` }, svg);
      el("title", {}, a).textContent = `${entity.name} (${entity.kind})`;
      el("circle", { cx: x, cy: y, r: 5 }, a);
      const degrees = (angle * 180) / Math.PI, left = Math.cos(angle) < 0;
      el("text", { x: x + (left ? -9 : 9), y: y + 4, "text-anchor": left ? "end" : "start",
        transform: `rotate(${left ? degrees + 180 : degrees} ${x} ${y})` }, a).textContent = short(entity.name, 28);
    }
    return svg;
  }

  return { path, neighbourhood, relation };
})();
