// The coach's page of the workshop room: who shared, their scores, the
// steps the room misses most, and the exports. It reads GET /api/room with
// the token of its own address and refreshes every few seconds.
'use strict';

(function () {
  const $ = (id) => document.getElementById(id);
  const params = new URLSearchParams(location.search);
  const token = params.get('token') || '';
  let lang = null;
  try { lang = localStorage.getItem('profilecheck-lang'); } catch (_) { /* private mode */ }
  let S = {};

  function str(id, vars) {
    let s = S[id] || id;
    for (const k in vars || {}) s = s.split('{$' + k + '}').join(String(vars[k]));
    return s;
  }

  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const k in attrs || {}) {
      if (k === 'text') e.textContent = attrs[k];
      else e.setAttribute(k, attrs[k]);
    }
    for (const c of children) if (c !== null && c !== undefined) e.append(c);
    return e;
  }

  function exportUrl(format) {
    const q = new URLSearchParams({ token, format, lang: S.lang || 'en' });
    return '/api/room/export?' + q.toString();
  }

  function render(room) {
    S = Object.assign({ lang: room.lang }, room.strings);
    document.documentElement.lang = room.lang;
    document.title = str('page-coach-title') + ' — profilecheck';
    $('title').textContent = str('page-coach-title');
    $('intro').textContent = str('page-coach-intro');
    $('people-heading').textContent = str('page-coach-people');
    $('missed-heading').textContent = str('page-coach-missed');
    $('export-heading').textContent = str('page-coach-export');
    for (const [id, format, key, name] of [
      ['export-html', 'html', 'page-coach-export-html', 'room-handouts.html'],
      ['export-md', 'markdown', 'page-coach-export-md', 'room-handouts.md'],
      ['export-json', 'json', 'page-coach-export-json', 'room-statistics.json'],
    ]) {
      const a = $(id);
      a.textContent = str(key);
      a.href = exportUrl(format);
      a.setAttribute('download', name);
    }
    const average = room.average === null ? '' : str('page-coach-average', { score: room.average });
    if ($('average').textContent !== average) $('average').textContent = average;

    const people = $('people');
    if (!room.participants.length) {
      people.replaceChildren(el('p', { text: str('page-coach-nobody') }));
    } else {
      const rows = room.participants.map((p) => el('tr', {},
        el('th', { scope: 'row', text: p.name }),
        el('td', { class: 'num', text: p.score === null ? str('page-coach-invalid') : String(p.score) }),
        el('td', { class: 'num', text: String(p.findings) })));
      people.replaceChildren(el('table', {},
        el('thead', {}, el('tr', {},
          el('th', { scope: 'col', text: str('page-coach-name') }),
          el('th', { scope: 'col', text: str('page-coach-score') }),
          el('th', { scope: 'col', text: str('page-coach-todo') }))),
        el('tbody', {}, ...rows)));
    }

    $('missed').replaceChildren(...room.missed.slice(0, 15).map((m) => {
      const share = m.of ? Math.round(100 * m.missed / m.of) : 0;
      const bar = el('span', { class: 'bar', 'aria-hidden': 'true' }, el('span', { class: 'fill sev-' + m.severity }));
      bar.firstChild.style.width = Math.min(100, share) + '%';
      return el('li', {},
        el('span', { class: 'rule', text: m.title }), ' ',
        el('span', { class: 'count', text: str('page-coach-missed-count', { n: m.missed, of: m.of }) }),
        bar);
    }));
  }

  async function refresh() {
    const q = new URLSearchParams({ token });
    if (lang) q.set('lang', lang);
    try {
      const res = await fetch('/api/room?' + q.toString());
      if (res.ok) render(await res.json());
    } catch (_) { /* the next round will try again */ }
  }

  document.addEventListener('DOMContentLoaded', () => {
    refresh();
    setInterval(refresh, 3000);
  });
})();
