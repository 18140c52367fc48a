"use strict";
/* The timeline: every event drawn across its whole possible extent, in two bands — certainly in the window,
   possibly in it. Exact days are points, longer spans bars; approximate or uncertain margins are faded ends;
   open ends are arrows. Zoom with the wheel, the buttons or + and −; pan by dragging or with the arrow keys. */
const Timeline = (() => {
  const NS = "http://www.w3.org/2000/svg";
  const ROW = 26, BAND_GAP = 34, LEFT = 8, RIGHT = 8, AXIS = 34, NARROWEST = 560;

  function el(name, attributes = {}, parent) {
    const node = document.createElementNS(NS, name);
    for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
    if (parent) parent.appendChild(node);
    return node;
  }

  /** Greedy lanes: each item takes the first row whose last item ends before it starts. */
  function lanes(items) {
    const ends = [];
    for (const item of items) {
      let row = ends.findIndex((end) => end < item.start);
      if (row === -1) { row = ends.length; ends.push(0); }
      ends[row] = item.end;
      item.row = row;
    }
    return ends.length;
  }

  /** Axis ticks for a span of days drawn over `pixels`: decades, years, months (or quarters) or days. */
  function ticks(v0, v1, pixels) {
    const span = v1 - v0, out = [];
    const y0 = Dates.date(v0).getUTCFullYear(), y1 = Dates.date(v1).getUTCFullYear();
    const at = (y, m = 0, d = 1) => Math.round(Date.UTC(y, m, d) / Dates.DAY);
    if (span > 365 * 40) {
      for (let y = Math.ceil(y0 / 10) * 10; y <= y1; y += 10) out.push([at(y), `${y}s`]);
    } else if (span > 365 * 3) {
      const step = span > 365 * 15 ? 5 : 1;
      for (let y = Math.ceil(y0 / step) * step; y <= y1; y += step) out.push([at(y), String(y)]);
    } else if (span > 60) {
      const step = (pixels / span) * 30 < 34 ? 3 : 1;
      for (let y = y0; y <= y1; y++) for (let m = 0; m < 12; m += step) {
        const t = at(y, m);
        if (t >= v0 && t <= v1) out.push([t, m === 0 ? String(y) : Dates.MONTHS[m].slice(0, 3)]);
      }
    } else {
      for (let t = Math.ceil(v0); t <= v1; t++) out.push([t, Dates.words(t).replace(/ \d+$/, "")]);
    }
    return out;
  }

  /**
   * Draws `events` into `container` for the window [from, to] (days, null when open) and calls `open(event)`
   * when one is chosen. Returns nothing; the drawing keeps its own zoom state.
   */
  function draw(container, events, from, to, open) {
    container.replaceChildren();
    const items = events.map((event) => {
      const e = Dates.extent(event.date);
      const placement = event.in_window || Dates.placement(event.date, from, to);
      return { event, e, placement };
    }).filter((item) => item.e && (item.e.fuzzyLower !== null || item.e.fuzzyUpper !== null));
    const known = items.flatMap((i) => [i.e.fuzzyLower, i.e.fuzzyUpper]).filter((d) => d !== null);
    const domain0 = from ?? Math.min(...known), domain1 = (to ?? Math.max(...known)) + 1;
    let v0 = domain0 - (domain1 - domain0) * 0.02, v1 = domain1 + (domain1 - domain0) * 0.02;
    const full = [v0, v1];

    const controls = document.createElement("div");
    controls.className = "timeline-controls";
    controls.innerHTML = `<button type="button" data-zoom="in" aria-label="Zoom in">+</button>
      <button type="button" data-zoom="out" aria-label="Zoom out">−</button>
      <button type="button" data-zoom="reset">Whole window</button>
      <span class="legend"><svg width="30" height="12" aria-hidden="true"><rect x="2" y="3" width="26" height="6" class="bar"/></svg> known span
      <svg width="30" height="12" aria-hidden="true"><rect x="2" y="3" width="26" height="6" class="fuzz"/></svg> possible margin
      <svg width="16" height="12" aria-hidden="true"><circle cx="8" cy="6" r="5" class="point"/></svg> exact day
      <svg width="22" height="12" aria-hidden="true"><path d="M2 6 L10 1 L10 11 Z" class="arrow"/></svg> open end</span>`;
    container.appendChild(controls);

    const svg = el("svg", { class: "timeline", role: "group", tabindex: "0",
      "aria-label": "Timeline; + and − zoom, arrow keys pan" });
    container.appendChild(svg);

    const bands = ["certainly", "possibly"].map((name) => ({
      name, items: items.filter((i) => i.placement === name),
      title: name === "certainly" ? "Certainly in the window" : "Possibly in the window (its date reaches outside)",
    }));

    // Drawn at the container's width in CSS pixels, never scaled: at 200% zoom the text is twice as large and
    // the drawing reflows to the narrower page instead of shrinking.
    let WIDTH = NARROWEST;
    function render() {
      WIDTH = Math.max(container.clientWidth - 2, NARROWEST);
      svg.replaceChildren();
      const scale = (d) => LEFT + ((d - v0) / (v1 - v0)) * (WIDTH - LEFT - RIGHT);
      let y = AXIS;
      const axis = el("g", { class: "axis" }, svg);
      for (const [t, label] of ticks(v0, v1, WIDTH - LEFT - RIGHT)) {
        const x = scale(t);
        el("line", { x1: x, x2: x, y1: 18, y2: "100%", class: "tick" }, axis);
        el("text", { x: x + 3, y: 14 }, axis).textContent = label;
      }
      for (const band of bands) {
        el("text", { x: LEFT, y: y + 14, class: `band-title band-${band.name}` }, svg).textContent =
          `${band.title} — ${band.items.length}`;
        y += 22;
        const laid = band.items.map((item) => {
          const lo = item.e.openStart ? v0 : item.e.fuzzyLower, hi = (item.e.openEnd ? v1 : item.e.fuzzyUpper) + 1;
          const x0 = scale(lo), x1 = Math.max(scale(hi), x0 + 8);
          const labelWidth = Math.min(item.event.title.length, 48) * 6.6 + 10;
          // The label goes after the bar; before it when it would run off the right edge; inside a bar that
          // leaves room on neither side.
          const after = x1 + labelWidth <= WIDTH;
          const side = after ? "after" : x0 - labelWidth > 0 ? "before" : "inside";
          const start = side === "before" ? x0 - labelWidth : x0, end = side === "after" ? x1 + labelWidth : x1;
          return { ...item, start, end, x0, x1, side };
        }).sort((a, b) => a.x0 - b.x0);
        const rows = lanes(laid);
        const group = el("g", { class: `band band-${band.name}` }, svg);
        for (const item of laid) drawEvent(group, item, scale, y + item.row * ROW);
        y += Math.max(rows, 1) * ROW + BAND_GAP;
      }
      svg.setAttribute("viewBox", `0 0 ${WIDTH} ${y}`);
      svg.setAttribute("width", WIDTH);
      svg.setAttribute("height", y);
    }

    function drawEvent(group, item, scale, y) {
      const { event, e } = item;
      const g = el("g", { class: `event ${e.faded ? "is-fuzzy" : ""}`, tabindex: "0", role: "button",
        "data-id": event.id, "data-placement": item.placement,
        "aria-label": `${event.title}, ${Dates.describe(event.date)}` }, group);
      el("title", {}, g).textContent = `${event.title}\n${Dates.describe(event.date)}`;
      const mid = y + 10;
      const known0 = e.lower ?? v0, known1 = (e.upper ?? v1 - 1) + 1;
      if (!e.openStart && e.fuzzyLower < e.lower)
        el("rect", { x: scale(e.fuzzyLower), y: mid - 4, width: Math.max(scale(e.lower) - scale(e.fuzzyLower), 1), height: 8, class: "fuzz" }, g);
      if (!e.openEnd && e.fuzzyUpper > e.upper)
        el("rect", { x: scale(e.upper + 1), y: mid - 4, width: Math.max(scale(e.fuzzyUpper + 1) - scale(e.upper + 1), 1), height: 8, class: "fuzz" }, g);
      if (e.point) {
        el("circle", { cx: scale(e.lower + 0.5), cy: mid, r: 6, class: "point" }, g);
      } else {
        const tall = item.side === "inside";
        el("rect", { x: scale(known0), y: mid - (tall ? 9 : 5), width: Math.max(scale(known1) - scale(known0), 3), height: tall ? 18 : 10, rx: 2,
          class: `bar ${e.faded ? "faded" : ""}` }, g);
      }
      if (e.openStart) { const x = scale(v0) + 2; el("path", { d: `M${x} ${mid} L${x + 10} ${mid - 7} L${x + 10} ${mid + 7} Z`, class: "arrow" }, g); }
      if (e.openEnd) { const x = scale(v1) - 2; el("path", { d: `M${x} ${mid} L${x - 10} ${mid - 7} L${x - 10} ${mid + 7} Z`, class: "arrow" }, g); }
      const label = event.title.length > 48 ? `${event.title.slice(0, 46)}…` : event.title;
      const at = { after: [item.x1 + 5, "start"], before: [item.x0 - 5, "end"], inside: [Math.max(item.x0, 0) + 16, "start"] }[item.side];
      el("text", { x: at[0], y: mid + 4, class: `label ${item.side}`, "text-anchor": at[1] }, g).textContent = label;
      const choose = () => open(event);
      g.addEventListener("click", choose);
      g.addEventListener("keydown", (ev) => { if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); choose(); } });
    }

    function zoom(factor, centre = (v0 + v1) / 2) {
      const span = Math.min(Math.max((v1 - v0) * factor, 3), (full[1] - full[0]) * 20);
      const ratio = (centre - v0) / (v1 - v0);
      v0 = centre - span * ratio; v1 = v0 + span;
      render();
    }
    function pan(fraction) { const d = (v1 - v0) * fraction; v0 += d; v1 += d; render(); }

    controls.addEventListener("click", (ev) => {
      const kind = ev.target.closest("button")?.dataset.zoom;
      if (kind === "in") zoom(0.5);
      if (kind === "out") zoom(2);
      if (kind === "reset") { [v0, v1] = full; render(); }
    });
    svg.addEventListener("wheel", (ev) => {
      ev.preventDefault();
      const box = svg.getBoundingClientRect();
      const centre = v0 + ((ev.clientX - box.left) / box.width) * (v1 - v0);
      zoom(ev.deltaY < 0 ? 0.8 : 1.25, centre);
    }, { passive: false });
    let drag = null;
    svg.addEventListener("pointerdown", (ev) => { if (!ev.target.closest(".event")) drag = { x: ev.clientX, v0, v1 }; });
    window.addEventListener("pointerup", () => { drag = null; });
    svg.addEventListener("pointermove", (ev) => {
      if (!drag) return;
      const box = svg.getBoundingClientRect();
      const d = ((ev.clientX - drag.x) / box.width) * (drag.v1 - drag.v0);
      v0 = drag.v0 - d; v1 = drag.v1 - d; render();
    });
    svg.addEventListener("keydown", (ev) => {
      if (ev.target !== svg) return;
      if (ev.key === "+" || ev.key === "=") zoom(0.5);
      else if (ev.key === "-" || ev.key === "−") zoom(2);
      else if (ev.key === "ArrowLeft") pan(-0.2);
      else if (ev.key === "ArrowRight") pan(0.2);
      else return;
      ev.preventDefault();
    });
    let resizing = null;
    const observer = new ResizeObserver(() => { clearTimeout(resizing); resizing = setTimeout(() => {
      if (!svg.isConnected) { observer.disconnect(); return; }
      if (Math.max(container.clientWidth - 2, NARROWEST) !== WIDTH) render();
    }, 100); });
    observer.observe(container);
    window.addEventListener("beforeprint", () => { if (svg.isConnected) render(); });
    render();
  }

  return { draw };
})();
