// The coach's page of the workshop room: the participants' address and its
// QR code, what to teach next (the most missed, by guide step), who shared
// (score, steps done, when; each one's advice and answers one click away;
// a row can be removed), and the exports. It polls GET /api/room with the
// token of its own address every two seconds: no reload needed.
'use strict';

(function () {
  const $ = (id) => document.getElementById(id);
  const SVG = 'http://www.w3.org/2000/svg';
  const params = new URLSearchParams(location.search);
  const token = params.get('token') || '';
  let lang = ['en', 'fr'].includes(params.get('lang')) ? params.get('lang') : null;
  if (!lang) { try { lang = localStorage.getItem('profilecheck-lang'); } catch (_) { /* private mode */ } }
  let S = {};
  let form = null;             // GET /api/form, for the answers' questions
  let lastRoom = '';           // the last answer, to redraw only on change
  const open = new Set();      // participants whose detail is shown
  const details = new Map();   // id -> detail element, kept across redraws

  function str(id, vars) {
    let s = S[id] || id;
    for (const k in vars || {}) s = s.split('{$' + k + '}').join(String(vars[k]));
    return s;
  }

  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const k in attrs || {}) {
      if (attrs[k] === null || attrs[k] === undefined || attrs[k] === false) continue;
      if (k === 'text') e.textContent = attrs[k];
      else e.setAttribute(k, attrs[k] === true ? '' : attrs[k]);
    }
    for (const c of children) if (c !== null && c !== undefined) e.append(c);
    return e;
  }

  function api(path, extra) {
    const q = new URLSearchParams(Object.assign({ token }, extra || {}));
    if (lang) q.set('lang', lang);
    return path + '?' + q.toString();
  }

  // "2 min ago", "il y a 2 min".
  function ago(seconds) {
    const rtf = new Intl.RelativeTimeFormat(S.lang || 'en', { numeric: 'auto', style: 'short' });
    if (seconds < 60) return rtf.format(-seconds, 'second');
    if (seconds < 3600) return rtf.format(-Math.floor(seconds / 60), 'minute');
    if (seconds < 86400) return rtf.format(-Math.floor(seconds / 3600), 'hour');
    return rtf.format(-Math.floor(seconds / 86400), 'day');
  }

  function qrCode(qr) {
    if (!qr) return null;
    const svg = document.createElementNS(SVG, 'svg');
    svg.setAttribute('data-qr', '');
    svg.setAttribute('viewBox', '0 0 ' + qr.size + ' ' + qr.size);
    svg.setAttribute('role', 'img');
    svg.setAttribute('aria-label', str('page-coach-qr'));
    svg.setAttribute('shape-rendering', 'crispEdges');
    const bg = document.createElementNS(SVG, 'rect');
    bg.setAttribute('width', String(qr.size));
    bg.setAttribute('height', String(qr.size));
    bg.setAttribute('fill', '#fff');
    const dots = document.createElementNS(SVG, 'path');
    dots.setAttribute('d', qr.path);
    dots.setAttribute('fill', '#000');
    svg.append(bg, dots);
    return svg;
  }

  function words(room) {
    S = Object.assign({ lang: room.lang }, room.strings);
    document.documentElement.lang = room.lang;
    document.title = str('page-coach-title') + ' — profilecheck';
    $('title').textContent = str('page-coach-title');
    $('intro').textContent = str('page-coach-intro');
    $('address-heading').textContent = str('page-coach-address');
    $('people-heading').textContent = str('page-coach-people');
    const projecting = document.body.classList.contains('projector');
    $('missed-heading').textContent = str(projecting ? 'page-coach-teach-next' : 'page-coach-missed');
    $('export-heading').textContent = str('page-coach-export');
    $('projector').setAttribute('aria-pressed', String(projecting));
    $('projector').textContent = str(projecting ? 'page-coach-projector-exit' : 'page-coach-projector');
    for (const [id, format, key, name] of [
      ['export-html', 'html', 'page-coach-export-html', 'room-handouts.html'],
      ['export-md', 'markdown', 'page-coach-export-md', 'room-handouts.md'],
      ['export-json', 'json', 'page-coach-export-json', 'room.json'],
    ]) {
      const a = $(id);
      a.textContent = str(key);
      a.href = api('/api/room/export', { format, lang: room.lang });
      a.setAttribute('download', name);
    }
  }

  function missed(groups) {
    if (!groups.length) return [el('p', { text: str('page-coach-nothing-missed') })];
    return groups.map((g) => el('section', { class: 'missed-step', 'data-step': String(g.step) },
      el('h3', { text: g.title }),
      el('ol', {}, ...g.rules.map((m) => {
        const share = m.of ? Math.round(100 * m.missed / m.of) : 0;
        const bar = el('span', { class: 'bar', 'aria-hidden': 'true' }, el('span', { class: 'fill sev-' + m.severity }));
        bar.firstChild.style.width = Math.min(100, share) + '%';
        return el('li', { 'data-rule': m.rule },
          el('span', { class: 'rule', text: m.title }), ' ',
          el('span', { class: 'count', text: m.count_text }),
          bar);
      }))));
  }

  function row(p) {
    const detailId = 'detail-' + p.id;
    const toggle = el('button', { type: 'button', class: 'who', 'aria-expanded': String(open.has(p.id)), 'aria-controls': detailId },
      el('span', { class: 'name', text: p.name }), el('span', { class: 'more', text: str('page-coach-details') }));
    toggle.addEventListener('click', () => toggleDetail(p, toggle));
    const remove = el('button', { type: 'button', class: 'quiet', 'data-action': 'remove', 'aria-label': str('page-coach-remove-label', { name: p.name }), text: str('page-coach-remove') });
    remove.addEventListener('click', () => removeRow(p));
    const tr = el('tr', { 'data-participant': p.id, class: 'person' },
      el('th', { scope: 'row' }, toggle),
      el('td', { class: 'num', text: p.score === null ? str('page-coach-invalid') : String(p.score) }),
      el('td', { class: 'num', text: str('page-coach-steps-count', { done: p.steps_done, total: p.steps_total }) }),
      el('td', { text: ago(p.ago) }),
      el('td', {}, remove));
    // A click anywhere on the row opens it too (the button is the keyboard's way).
    tr.addEventListener('click', (e) => {
      if (!e.target.closest('button')) toggleDetail(p, toggle);
    });
    return tr;
  }

  function people(room) {
    const box = $('people');
    if (!room.participants.length) { box.replaceChildren(el('p', { text: str('page-coach-nobody') })); return; }
    const body = el('tbody');
    for (const p of room.participants) {
      body.append(row(p));
      if (open.has(p.id)) {
        const d = details.get(p.id) || el('tr', { class: 'detail', id: 'detail-' + p.id }, el('td', { colspan: '5' }));
        details.set(p.id, d);
        body.append(d);
        loadDetail(p, d);
      }
    }
    box.replaceChildren(el('table', {},
      el('thead', {}, el('tr', {},
        el('th', { scope: 'col', text: str('page-coach-name') }),
        el('th', { scope: 'col', text: str('page-coach-score') }),
        el('th', { scope: 'col', text: str('page-coach-steps') }),
        el('th', { scope: 'col', text: str('page-coach-when') }),
        el('th', { scope: 'col', text: str('page-coach-actions') }))),
      body));
  }

  async function removeRow(p) {
    if (!window.confirm(str('page-coach-remove-confirm', { name: p.name }))) return;
    try {
      const res = await fetch(api('/api/room/remove', { id: p.id }), { method: 'POST', credentials: 'same-origin' });
      if (res.ok) { open.delete(p.id); details.delete(p.id); }
    } catch (_) { /* the next round shows the room as it is */ }
    refresh();
  }

  function toggleDetail(p, button) {
    if (open.has(p.id)) { open.delete(p.id); } else { open.add(p.id); }
    button.setAttribute('aria-expanded', String(open.has(p.id)));
    lastRoom = '';
    refresh();
  }

  // ---- one participant: advice by step, then the answers by the form's questions

  function answerText(f, v) {
    if (v === undefined || v === null) return null;
    if (f.kind === 'bool') return v === true ? str('page-yes') : v === false ? str('page-no') : String(v);
    if (f.kind === 'choice') { const c = f.choices.find((x) => x.value === v); return c ? c.label : String(v); }
    if (f.kind === 'items') {
      if (!Array.isArray(v)) return null;
      return v.map((item) => f.items.map((sub) => answerText(sub, item && item[sub.key])).filter(Boolean).join(', ')).join(' ; ');
    }
    if (Array.isArray(v)) return v.join(', ');
    if (typeof v === 'object') return null;
    return String(v);
  }

  function getPath(obj, path) {
    let cur = obj;
    for (const k of path.split('.')) {
      if (!cur || typeof cur !== 'object' || Array.isArray(cur) || !(k in cur)) return undefined;
      cur = cur[k];
    }
    return cur;
  }

  function answers(profile) {
    const out = [];
    for (const step of (form ? form.steps : [])) {
      const rows = [];
      for (const f of step.fields) {
        const text = answerText(f, getPath(profile || {}, f.path));
        if (text) rows.push(el('dt', { text: f.label }), el('dd', { text }));
      }
      if (rows.length) out.push(el('h4', { text: step.title }), el('dl', {}, ...rows));
    }
    return out.length ? out : [el('p', { text: str('page-coach-no-answers') })];
  }

  function advice(v) {
    const groups = v.groups.filter((g) => !g.done);
    return groups.map((g) => el('section', { 'data-step': String(g.step) },
      el('h4', { text: g.title }),
      el('ul', {}, ...g.advice.map((a) => el('li', { 'data-rule': a.rule, text: str('page-severity-' + a.severity) + ' · ' + a.title })))));
  }

  async function loadDetail(p, d) {
    const stamp = p.id + ':' + p.at + ':' + S.lang;
    if (d.dataset.stamp === stamp) return;
    d.dataset.stamp = stamp;
    try {
      if (!form || form.lang !== S.lang) form = await (await fetch('/api/form?lang=' + S.lang)).json();
      const v = await (await fetch(api('/api/room/participant', { id: p.id }))).json();
      d.firstChild.replaceChildren(el('div', { class: 'detail-grid' },
        el('div', {}, el('h3', { text: str('page-coach-advice') }), ...advice(v)),
        el('div', {}, el('h3', { text: str('page-coach-answers') }), ...answers(v.answers))));
    } catch (_) { d.dataset.stamp = ''; }
  }

  function render(room) {
    words(room);
    const qr = $('qr');
    if (!qr.firstChild && room.qr) qr.append(qrCode(room.qr));
    $('address').textContent = room.address;
    $('address').href = room.address;
    const average = room.average === null ? '' : str('page-coach-average', { score: room.average });
    if ($('average').textContent !== average) $('average').textContent = average;
    $('missed').replaceChildren(...missed(room.missed));
    people(room);
  }

  async function refresh() {
    try {
      const res = await fetch(api('/api/room'));
      if (!res.ok) return;
      const text = await res.text();
      // The times move every poll; redraw on a real change or each 30 s.
      const key = text.replace(/"ago":\d+/g, '');
      if (key === lastRoom && Date.now() - (refresh.at || 0) < 30000) return;
      lastRoom = key;
      refresh.at = Date.now();
      render(JSON.parse(text));
    } catch (_) { /* the next round will try again */ }
  }

  document.addEventListener('DOMContentLoaded', () => {
    if (params.get('view') === 'projector') document.body.classList.add('projector');
    $('projector').addEventListener('click', () => {
      document.body.classList.toggle('projector');
      lastRoom = '';
      refresh();
    });
    refresh();
    setInterval(refresh, 2000);
  });
})();
