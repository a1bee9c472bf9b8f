"use strict";
// extract workbench: draws what the JSON API of `extract serve` (src/extract/serve.py)
// answers. Extraction, checking and diffing all happen on the server, in the same
// functions the commands use; this file only shows their results.

const $ = (selector) => document.querySelector(selector);

const state = {
  info: null,       // /api/info: kinds, columns, folders, baseline
  data: null,       // the last /api/extract answer
  doc: null,        // the corpus article in the box, if it is one
  docText: null,    // its text as loaded (a changed box is a pasted article again)
  selected: null,   // {type, id} of the figure shown in the explanation
  sort: { col: null, dir: 1 },
  rule: null,       // {name, version, content} of the rule file in the editor
};

// Columns of the facts table; the CSV has every column of the facts table (info.columns).
const SHOWN = ["text", "value", "value_max", "unit", "kind", "approx", "per", "subject", "indicator", "year",
               "place", "scope", "rule"];
const NUMERIC = new Set(["value", "value_max", "year", "start", "end"]);
// Rows of the explanation, in the order of `extract try`.
const ROW = ["value", "value_max", "unit", "kind", "approx", "per", "subject", "indicator", "year", "place", "scope", "rule"];
const COMPARED = ["text", "value", "value_max", "unit", "kind", "approx", "per", "subject"];

// ---------------------------------------------------------------- helpers

async function api(method, path, body) {
  const options = { method, headers: {} };
  if (body !== undefined) {
    options.headers["Content-Type"] = "application/json";
    options.body = JSON.stringify(body);
  }
  const response = await fetch(path, options);
  let data;
  try { data = await response.json(); } catch (_) { data = { error: `${response.status} ${response.statusText}` }; }
  if (!response.ok) {
    const error = new Error(data.error || response.statusText);
    error.problems = data.problems || [];
    error.status = response.status;
    throw error;
  }
  return data;
}

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") node.className = value;
    else if (key === "text") node.textContent = value;
    else if (key === "style") node.style.cssText = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? "" : value);
  }
  for (const child of children.flat(Infinity)) {
    if (child !== null && child !== undefined) node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

const show = (v) => (v === null || v === undefined || v === "" ? "-" : String(v));
const kindStyle = (kind) => `background: var(--k-${kind}, #e2e2e2)`;
const plural = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;

function setStatus(text) { $("#status").textContent = text; }

function busy(on, text) {
  for (const b of document.querySelectorAll("button.primary")) b.disabled = on;
  if (text !== undefined) setStatus(text);
}

function showProblems(error, where = "#problems") {
  const box = $(where);
  box.hidden = false;
  const problems = error.problems || [];
  box.replaceChildren(el("b", { text: error.message }), problems.length ? "\n" + problems.join("\n") : "");
}

function valueText(f) {
  return show(f.value) + (f.value_max !== null && f.value_max !== undefined ? "–" + f.value_max : "");
}

function changeSummary(changes) {
  if (!changes) return "no comparison (the baseline rules have problems)";
  if (!changes.length) return "no facts changed";
  const count = (k) => changes.filter((c) => c.change === k).length;
  return `${count("added")} added, ${count("removed")} removed, ${count("changed")} changed`;
}

// ---------------------------------------------------------------- start

async function start() {
  state.info = await api("GET", "/api/info");
  drawLegend();
  for (const kind of state.info.kinds) $("#facts-kind").append(el("option", { value: kind, text: kind }));
  $("#baseline-label").textContent = state.info.baseline;
  $("#rules-dir").textContent = state.info.rules_dir + "/";
  drawTableHead();

  $("#extract-btn").addEventListener("click", runExtract);
  $("#article-input").addEventListener("keydown", (e) => {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) { e.preventDefault(); runExtract(); }
  });
  $("#doc-picker").addEventListener("change", pickDoc);
  $("#article-view").addEventListener("click", onFigure);
  $("#article-view").addEventListener("keydown", (e) => { if (e.key === "Enter") onFigure(e); });
  for (const tab of document.querySelectorAll(".tabs button")) tab.addEventListener("click", () => openTab(tab.dataset.tab));
  $("#facts-filter").addEventListener("input", drawTable);
  $("#facts-kind").addEventListener("change", drawTable);
  $("#csv-btn").addEventListener("click", downloadCsv);
  $("#rule-picker").addEventListener("change", () => loadRule($("#rule-picker").value));
  $("#rule-reload").addEventListener("click", () => loadRule(state.rule && state.rule.name, true));
  $("#rule-save").addEventListener("click", saveRule);
  $("#diff-btn").addEventListener("click", corpusDiff);
  $("#baseline-current").addEventListener("click", () => setBaseline("current"));
  $("#baseline-head").addEventListener("click", () => setBaseline("HEAD"));

  const corpus = await api("GET", "/api/corpus");
  for (const d of corpus.docs) $("#doc-picker").append(el("option", { value: d.doc, text: d.doc }));
  if (!corpus.docs.length) $("#doc-picker").append(el("option", { disabled: true, text: `(no articles in ${corpus.dir}/)` }));

  const rules = await api("GET", "/api/rules");
  for (const f of rules.files) $("#rule-picker").append(el("option", { value: f.name, text: f.name }));
  if (rules.files.length) await loadRule(rules.files[0].name);
  document.body.dataset.ready = "1";
}

function drawLegend() {
  const legend = $("#legend");
  for (const kind of state.info.kinds) {
    legend.append(el("span", {}, el("i", { style: kindStyle(kind) }), kind));
  }
  legend.append(el("span", {}, el("span", { class: "nofact", text: "123" }), "no fact (click: why not)"));
  legend.append(el("span", {}, el("span", { class: "chg-added", text: "new" }), "added or changed by a rule edit"));
  legend.append(el("span", {}, el("span", { class: "chg-removed", text: "old" }), "removed by a rule edit"));
}

function openTab(name) {
  for (const tab of document.querySelectorAll(".tabs button")) tab.setAttribute("aria-selected", String(tab.dataset.tab === name));
  for (const panel of document.querySelectorAll(".tab")) panel.hidden = panel.id !== "tab-" + name;
}

// ---------------------------------------------------------------- the article

async function pickDoc() {
  const doc = $("#doc-picker").value;
  if (!doc) return;
  const data = await api("GET", "/api/corpus/" + encodeURIComponent(doc));
  $("#article-input").value = data.text;
  state.doc = data.doc;
  state.docText = data.text;
  await runExtract();
}

async function runExtract() {
  const text = $("#article-input").value;
  if (!text.trim()) { setStatus("Paste an article first."); return null; }
  if (state.doc && text !== state.docText) { state.doc = null; $("#doc-picker").value = ""; }
  busy(true, "Extracting…");
  try {
    const data = await api("POST", "/api/extract", { text, doc: state.doc });
    $("#problems").hidden = true;
    state.data = data;
    const still = state.selected;
    state.selected = null;
    drawArticle();
    drawTable();
    drawArticleChanges();
    $("#baseline-label").textContent = data.baseline;
    setStatus(`${plural(data.facts.length, "fact")}, ${plural(data.rejections.length, "number")} without a fact`);
    if (still) reselect(still);
    return data;
  } catch (error) {
    showProblems(error);
    setStatus("");
    return null;
  } finally {
    busy(false);
  }
}

function removedChanges() {
  return (state.data.changes || []).map((c, i) => ({ ...c, id: i })).filter((c) => c.change === "removed");
}

function drawArticle() {
  const data = state.data;
  const chars = Array.from(data.text); // offsets count code points, as in Python
  const spans = [];
  for (const f of data.facts) spans.push({ type: "fact", item: f, start: f.start, end: f.end, rank: 0 });
  for (const c of removedChanges()) spans.push({ type: "removed", item: c, start: c.old.start, end: c.old.end, rank: 1 });
  for (const r of data.rejections) spans.push({ type: "nofact", item: r, start: r.start, end: r.end, rank: 2 });
  // Facts first, then removed facts, then numbers without a fact; overlaps are left out.
  spans.sort((a, b) => a.rank - b.rank || a.start - b.start);
  const taken = new Uint8Array(chars.length + 1);
  const placed = [];
  for (const s of spans) {
    if (s.end <= s.start) continue;
    let free = true;
    for (let i = s.start; i < s.end && free; i++) free = !taken[i];
    if (!free) continue;
    taken.fill(1, s.start, s.end);
    placed.push(s);
  }
  placed.sort((a, b) => a.start - b.start);
  const view = $("#article-view");
  view.replaceChildren();
  let pos = 0;
  for (const s of placed) {
    if (s.start > pos) view.append(compact(chars.slice(pos, s.start).join("")));
    view.append(spanNode(s, compact(chars.slice(s.start, s.end).join(""))));
    pos = s.end;
  }
  view.append(compact(chars.slice(pos).join("")));
}

function spanNode(s, text) {
  if (s.type === "fact") {
    const f = s.item;
    const tip = [`${valueText(f)} ${f.unit}`, f.kind, f.approx, f.per && "per " + f.per, f.subject]
      .filter(Boolean).join(" · ");
    return el("span", {
      class: "fig" + (f.change ? " chg-" + f.change : ""), style: kindStyle(f.kind), "data-fact": f.id,
      "data-kind": f.kind, tabindex: 0, title: `${tip}\n(click for how it was read)`,
    }, text);
  }
  if (s.type === "removed") {
    return el("span", { class: "chg-removed", "data-removed": s.item.id, tabindex: 0,
                        title: "removed by the rule edit (click for details)" }, text);
  }
  return el("span", { class: "nofact", "data-rej": s.item.id, tabindex: 0, title: `no fact: ${s.item.reason}` }, text);
}

function onFigure(event) {
  const node = event.target.closest("[data-fact],[data-rej],[data-removed]");
  if (!node) return;
  if (node.dataset.fact !== undefined) showFact(Number(node.dataset.fact));
  else if (node.dataset.rej !== undefined) showRejection(Number(node.dataset.rej));
  else showRemoved(Number(node.dataset.removed));
}

function reselect(previous) {
  // After a new extraction, show the figure at the same place again, if there is one.
  const old = previous.span;
  if (!old) return;
  const fact = state.data.facts.find((f) => f.start === old[0] && f.end === old[1]);
  if (fact) { showFact(fact.id, false); return; }
  const removed = removedChanges().find((c) => c.old.start === old[0] && c.old.end === old[1]);
  if (removed) { showRemoved(removed.id, false); return; }
  const rejection = state.data.rejections.find((r) => r.start === old[0] && r.end === old[1]);
  if (rejection) showRejection(rejection.id, false);
}

function mark(selector, scroll) {
  for (const node of document.querySelectorAll(".selected")) node.classList.remove("selected");
  for (const node of document.querySelectorAll(selector)) {
    node.classList.add("selected");
    if (scroll) scrollWithin(node);
  }
}

function scrollWithin(node) {
  // Bring a figure or a row into view inside its own scrolling box, leaving the page where it is.
  const box = node.closest(".article, .table-wrap");
  if (!box) return;
  const top = node.getBoundingClientRect().top - box.getBoundingClientRect().top;
  if (top < 30 || top > box.clientHeight - 30) box.scrollTop += top - box.clientHeight / 3;
}

// Blank lines between wrapped lines (common in text copied from PDFs) are shown as one
// line break; the offsets are those of the text as pasted.
const compact = (text) => text.replace(/\n[ \t\u3000]*\n/g, "\n");

// ---------------------------------------------------------------- the explanation

function explainCard(...children) {
  $("#explain").replaceChildren(el("h2", { text: "Explanation" }), ...children);
}

function showFact(id, scroll = true) {
  const f = state.data.facts[id];
  state.selected = { type: "fact", id, span: [f.start, f.end] };
  mark(`[data-fact="${id}"]`, scroll);
  const rows = ROW.filter((k) => k !== "value_max" || f.value_max !== null).map((key) => {
    let cell = key === "kind" ? el("span", { class: "chip", style: kindStyle(f.kind), text: f.kind }) : show(f[key]);
    if (f.old && COMPARED.includes(key) && f.old[key] !== f[key]) {
      cell = el("span", {}, el("span", { class: "old", text: show(f.old[key]) }), " → ", el("span", { class: "new" }, cell));
    }
    return [el("dt", { text: key }), el("dd", {}, cell)];
  });
  explainCard(
    el("p", { class: "why" }, el("span", { class: "fig", style: kindStyle(f.kind), text: f.text }),
       ` → ${valueText(f)} ${f.unit}`, f.change ? el("span", { class: "badge " + f.change, text: f.change }) : null),
    el("dl", {}, rows),
    el("div", { class: "note", text: "How it was read (as extract try --explain prints it):" }),
    el("pre", { text: f.explain.join("\n") }),
    el("div", { class: "note" }, "Sentence: ", f.sentence),
  );
}

function showRejection(id, scroll = true) {
  const r = state.data.rejections[id];
  state.selected = { type: "rejection", id, span: [r.start, r.end] };
  mark(`[data-rej="${id}"]`, scroll);
  explainCard(
    el("p", { class: "why" }, el("span", { class: "nofact", text: r.text }), " gave no fact"),
    el("dl", { class: "wide" }, el("dt", { text: "why not" }), el("dd", { text: r.reason })),
    el("p", { class: "note", text: "Units, counted nouns and exclusions are rules: see the Rules tab." }),
  );
}

function showRemoved(id, scroll = true) {
  const c = state.data.changes[id];
  state.selected = { type: "removed", id, span: [c.old.start, c.old.end] };
  mark(`[data-removed="${id}"]`, scroll);
  const now = state.data.rejections.find((r) => r.start < c.old.end && c.old.start < r.end);
  explainCard(
    el("p", { class: "why" }, el("span", { class: "chg-removed", text: c.old.text }),
       ` was ${valueText(c.old)} ${c.old.unit}`, el("span", { class: "badge removed", text: "removed" })),
    el("dl", {}, ROW.map((key) => [el("dt", { text: key }), el("dd", { text: show(c.old[key]) })])),
    el("dl", { class: "wide" }, el("dt", { text: "why not now" }), el("dd", { text: now ? `${now.text}: ${now.reason}` : "-" })),
    el("p", { class: "note", text: `A fact under ${state.data.baseline}, gone with the current rules.` }),
  );
}

// ---------------------------------------------------------------- the facts table

function drawTableHead() {
  const row = el("tr", {}, el("th", { text: "" }));
  for (const col of SHOWN) {
    row.append(el("th", { "data-col": col, text: col, onclick: () => sortBy(col) }));
  }
  $("#facts-table").className = "data";
  $("#facts-table thead").replaceChildren(row);
}

function sortBy(col) {
  state.sort = { col, dir: state.sort.col === col ? -state.sort.dir : 1 };
  drawTable();
}

function compare(a, b, col) {
  const x = a[col], y = b[col];
  if (x === y) return 0;
  if (x === null || x === undefined || x === "") return 1; // empty cells last
  if (y === null || y === undefined || y === "") return -1;
  if (NUMERIC.has(col)) return x - y;
  return String(x).localeCompare(String(y), "zh");
}

function visibleFacts() {
  if (!state.data) return [];
  const needle = $("#facts-filter").value.trim().toLowerCase();
  const kind = $("#facts-kind").value;
  let rows = state.data.facts.filter((f) => (!kind || f.kind === kind) &&
    (!needle || SHOWN.some((c) => f[c] !== null && String(f[c]).toLowerCase().includes(needle))));
  const { col, dir } = state.sort;
  if (col) {
    rows = rows.slice().sort((a, b) => {
      const empty = (v) => v === null || v === undefined || v === "";
      if (empty(a[col]) !== empty(b[col])) return empty(a[col]) ? 1 : -1; // empty cells last either way
      return dir * compare(a, b, col) || a.start - b.start;
    });
  }
  return rows;
}

function drawTable() {
  for (const th of document.querySelectorAll("#facts-table thead th[data-col]")) {
    th.setAttribute("aria-sort", th.dataset.col === state.sort.col ? (state.sort.dir > 0 ? "ascending" : "descending") : "none");
  }
  const rows = visibleFacts();
  const body = $("#facts-table tbody");
  body.replaceChildren(...rows.map((f) => el("tr", { "data-fact": f.id, onclick: () => showFact(f.id) },
    el("td", {}, f.change ? el("span", { class: "badge " + f.change, text: f.change }) : ""),
    SHOWN.map((col) => col === "kind"
      ? el("td", {}, el("span", { class: "chip", style: kindStyle(f.kind), text: f.kind }))
      : el("td", { class: NUMERIC.has(col) ? "num" : null, text: show(f[col]) })))));
  const total = state.data ? state.data.facts.length : 0;
  $("#facts-count").textContent = state.data ? `(${rows.length === total ? total : rows.length + " of " + total})` : "";
  if (state.selected && state.selected.type === "fact") mark(`[data-fact="${state.selected.id}"]`, false);
}

function csvCell(value) {
  const text = value === null || value === undefined ? "" : String(value);
  return /[",\n\r]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
}

function downloadCsv() {
  const columns = state.info.columns;
  const lines = [columns.join(",")];
  for (const f of visibleFacts()) lines.push(columns.map((c) => csvCell(c === "doc" ? f.doc || state.doc : f[c])).join(","));
  // UTF-8 with a BOM, like `extract run`'s facts.csv, so that Excel shows Chinese.
  const blob = new Blob(["\ufeff" + lines.join("\r\n") + "\r\n"], { type: "text/csv;charset=utf-8" });
  const link = el("a", { href: URL.createObjectURL(blob), download: `${state.doc || "article"}-facts.csv` });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}

// ---------------------------------------------------------------- rule files

async function loadRule(name, force = false) {
  if (!name) return;
  const editor = $("#rule-editor");
  if (state.rule && editor.value !== state.rule.content && !force &&
      !confirm(`Drop your unsaved edit of ${state.rule.name}?`)) {
    $("#rule-picker").value = state.rule.name;
    return;
  }
  const data = await api("GET", "/api/rules/" + encodeURIComponent(name));
  state.rule = data;
  editor.value = data.content;
  $("#rule-picker").value = name;
  $("#rule-message").replaceChildren();
}

async function saveRule() {
  const message = $("#rule-message");
  const { name, version } = state.rule;
  const content = $("#rule-editor").value;
  busy(true);
  message.replaceChildren(el("p", { class: "note", text: `Checking ${name} with extract check…` }));
  try {
    const saved = await api("PUT", "/api/rules/" + encodeURIComponent(name), { content, version });
    state.rule = { name, version: saved.version, content };
    const lines = [el("p", { class: "ok" }, el("b", { text: `Saved ${name}.` }), ` extract check: ${saved.summary}.`)];
    if (saved.known.length) {
      lines.push(el("p", { class: "bad", text: "These problems were there before your edit and remain:" }),
                 el("pre", { class: "problems", text: saved.known.join("\n") }));
    }
    message.replaceChildren(...lines);
    if ($("#article-input").value.trim()) {
      busy(false);
      const data = await runExtract();
      if (data) {
        lines.push(el("p", {}, `On this article, since the baseline: ${changeSummary(data.changes)}. `,
                      "Changes are marked in the text; ", el("a", { href: "#", onclick: (e) => { e.preventDefault(); openTab("changes"); }, text: "see Changes" }),
                      " or diff the whole corpus there."));
        message.replaceChildren(...lines);
      }
    }
  } catch (error) {
    message.replaceChildren(el("p", { class: "bad" }, el("b", { text: error.message })),
                            error.problems.length ? el("pre", { class: "problems", text: error.problems.join("\n") }) : "");
  } finally {
    busy(false);
  }
}

// ---------------------------------------------------------------- changes

function changeRow(c, extra = []) {
  const f = c.new || c.old;
  const what = c.change === "changed"
    ? c.fields.map((k) => el("span", {}, `${k} `, el("span", { class: "old", text: show(c.old[k]) }), " → ",
                            el("span", { class: "new", text: show(c.new[k]) }), "  "))
    : `${valueText(f)} ${f.unit} ${f.kind}`;
  return el("tr", {}, extra, el("td", {}, el("span", { class: "badge " + c.change, text: c.change })),
            el("td", { text: f.text }), el("td", {}, what), el("td", { text: f.rule }));
}

function drawArticleChanges() {
  const changes = state.data.changes;
  const box = $("#article-changes");
  $("#changes-count").textContent = changes && changes.length ? `(${changes.length})` : "";
  if (!changes) {
    box.replaceChildren(el("p", { class: "bad", text: "The baseline rules have problems: " + (state.data.baseline_problems || []).join("; ") }));
    return;
  }
  if (!changes.length) {
    box.replaceChildren(el("p", { class: "empty", text: "This article's facts are the same under both rule sets." }));
    return;
  }
  const rows = changes.map((c, i) => {
    const row = changeRow(c);
    row.addEventListener("click", () => {
      if (c.change === "removed") showRemoved(i);
      else showFact(state.data.facts.find((f) => f.start === c.new.start && f.end === c.new.end).id);
    });
    return row;
  });
  box.replaceChildren(el("p", {}, el("b", { text: "This article: " }), changeSummary(changes)),
    el("div", { class: "table-wrap" }, el("table", { class: "data" },
      el("thead", {}, el("tr", {}, ["change", "text", "value / what changed", "rule"].map((t) => el("th", { text: t })))),
      el("tbody", {}, rows))));
}

async function corpusDiff() {
  const box = $("#corpus-diff");
  busy(true);
  box.replaceChildren(el("p", { class: "note", text: "Extracting every corpus article with both rule sets…" }));
  try {
    const data = await api("POST", "/api/diff", {});
    const rows = data.changes.map((c) => changeRow(c, [el("td", { text: c.doc })]));
    box.replaceChildren(
      el("p", {}, el("b", { text: "Corpus " + data.corpus_dir + "/: " }), data.summary),
      data.errors.length ? el("pre", { class: "problems", text: data.errors.join("\n") }) : "",
      rows.length ? el("div", { class: "table-wrap" }, el("table", { class: "data" },
        el("thead", {}, el("tr", {}, ["doc", "change", "text", "value / what changed", "rule"].map((t) => el("th", { text: t })))),
        el("tbody", {}, rows))) : "");
  } catch (error) {
    box.replaceChildren(el("pre", { class: "problems", text: [error.message, ...error.problems].join("\n") }));
  } finally {
    busy(false);
  }
}

async function setBaseline(source) {
  try {
    const data = await api("POST", "/api/baseline", { source });
    $("#baseline-label").textContent = data.baseline;
    $("#corpus-diff").replaceChildren();
    if (state.data) await runExtract();
  } catch (error) {
    $("#corpus-diff").replaceChildren(el("pre", { class: "problems", text: error.message }));
  }
}

start().catch((error) => showProblems(error));
