// OrleansMesh dashboard: plain JavaScript and SVG, no build step, nothing fetched from outside the silo.
// It polls the silo's read-only API (each answer is shared by every open page for about a second) and re-renders
// only the parts whose content changed, so focus and half-typed input survive the refresh.
'use strict';

(() => {
  const STATE_EVERY_MS = 1000;
  const SLOW_EVERY_MS = 5000;
  const SVG = 'http://www.w3.org/2000/svg';

  let state = null;
  let config = null;
  let series = null;
  let certificates = null;
  let selected = null;
  const rendered = new Map();

  // ---- helpers -------------------------------------------------------------------------------------------------

  const $ = id => document.getElementById(id);
  const esc = value => String(value ?? '').replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
  const rps = v => (v ?? 0) < 10 ? (v ?? 0).toFixed(2) : (v ?? 0).toFixed(1);
  const pct = v => v == null ? '–' : `${v.toFixed(1)}%`;
  const ms = v => v == null ? '–' : `${v < 10 ? v.toFixed(2) : v.toFixed(0)} ms`;
  const seconds = v => v > 0 ? `${Math.ceil(v)} s` : '–';
  const time = t => t ? new Date(t).toISOString().replace('T', ' ').replace(/\.\d+Z$/, 'Z') : '–';
  const labels = l => Object.entries(l ?? {}).map(([k, v]) => `${k}=${v}`).join(', ') || '–';
  const mayAct = () => state && (!state.access?.tokenRequired || state.access?.signedIn);

  // Replaces an element's content only when it changed; puts focus back on the control that had it.
  function put(element, html) {
    if (!element || rendered.get(element) === html) {
      return;
    }
    const focused = document.activeElement;
    const key = focused && element.contains(focused) ? focused.dataset.key : null;
    element.innerHTML = html;
    rendered.set(element, html);
    if (key) {
      element.querySelector(`[data-key="${CSS.escape(key)}"]`)?.focus();
    }
  }

  function health(figures, breaker, ejected) {
    if (breaker?.state === 'Open' || ejected) {
      return 'bad';
    }
    if (breaker?.state === 'HalfOpen') {
      return 'warn';
    }
    if (!figures || figures.requests === 0) {
      return 'idle';
    }
    return figures.successRate != null && figures.successRate < 95 ? 'warn' : 'ok';
  }

  function breakerText(breaker) {
    if (!breaker) {
      return 'Closed';
    }
    const held = breaker.override === 'ForcedOpen' ? ' (held open)' : breaker.override === 'ForcedClosed' ? ' (held closed)' : '';
    return breaker.state + held;
  }

  const badge = (cls, text, attrs = '') => `<span class="badge ${cls}"${attrs}>${esc(text)}</span>`;
  const breakerBadge = (breaker, id) => badge(breaker?.state === 'Open' ? 'bad' : breaker?.state === 'HalfOpen' ? 'warn' : 'ok', breakerText(breaker), ` data-breaker="${esc(id)}"`);

  async function api(path) {
    const response = await fetch(`api/${path}`, { cache: 'no-store', credentials: 'same-origin', headers: { accept: 'application/json' } });
    if (!response.ok) {
      throw new Error(`${path}: HTTP ${response.status}`);
    }
    return response.json();
  }

  async function post(path, body) {
    const response = await fetch(`api/${path}`, {
      method: 'POST',
      credentials: 'same-origin',
      cache: 'no-store',
      headers: { 'content-type': 'application/json', 'X-Mesh-Dashboard': '1' },
      body: JSON.stringify(body ?? {}),
    });
    let data = null;
    if (response.status !== 204) {
      try {
        data = await response.json();
      } catch {
        data = null;
      }
    }
    return { ok: response.ok, status: response.status, data };
  }

  function status(text, error) {
    const element = $('status');
    element.textContent = text;
    element.classList.toggle('error', !!error);
  }

  // ---- access --------------------------------------------------------------------------------------------------

  function renderAccess() {
    const access = state.access ?? { tokenRequired: false, signedIn: false };
    const mode = !access.tokenRequired ? 'open' : access.signedIn ? 'admin' : 'locked';
    const element = $('access');
    if (element.dataset.mode === mode) {
      return;
    }
    element.dataset.mode = mode;
    element.className = `access ${mode}`;
    if (mode === 'open') {
      element.innerHTML = '<p data-testid="mesh-open"><strong>This mesh is open.</strong> The silo has no admin token (OrleansMesh__AdminToken), so anyone who can reach this page can hold breakers and act on rollouts.</p>';
    } else if (mode === 'locked') {
      element.innerHTML = `<p>Reading is open; actions need the mesh admin token.</p>
        <form id="sign-in"><label for="admin-token">Mesh admin token</label>
        <input id="admin-token" name="token" type="password" autocomplete="current-password" required>
        <button type="submit">Sign in</button></form><p id="sign-in-message" class="message" role="status"></p>`;
      $('sign-in').addEventListener('submit', async event => {
        event.preventDefault();
        const input = $('admin-token');
        const answer = await post('session', { token: input.value });
        input.value = '';
        if (answer.ok) {
          await refresh();
        } else {
          const message = $('sign-in-message');
          message.textContent = answer.data?.error ?? `Refused (HTTP ${answer.status}).`;
          message.classList.add('error');
        }
      });
    } else {
      element.innerHTML = '<p data-testid="admin-session">Admin session: actions are allowed from this browser.</p><button type="button" id="sign-out">Sign out</button>';
      $('sign-out').addEventListener('click', async () => {
        await post('session/end', {});
        await refresh();
      });
    }
  }

  // ---- topology ------------------------------------------------------------------------------------------------

  const COLUMNS = [{ x: 12, w: 150 }, { x: 372, w: 170 }, { x: 752, w: 150 }, { x: 1112, w: 170 }];
  const NODE_H = 48;
  const ROW = 80;

  function graphModel() {
    const nodes = [];
    const edges = [];
    const columns = [[], [], [], []];
    const add = (column, node) => {
      node.column = column;
      columns[column].push(node);
      nodes.push(node);
      return node;
    };
    const synced = state.gateways.filter(g => g.sync === 'SYNCED').length;
    const gateways = add(0, {
      id: 'gateways', kind: 'gateways', title: `${state.gateways.length} gateway${state.gateways.length === 1 ? '' : 's'}`,
      line: `${synced} synced`, cls: state.gateways.length === 0 ? 'idle' : synced < state.gateways.length ? 'warn' : 'ok',
    });
    for (const service of state.services) {
      const f = service.figures;
      const node = add(1, { id: `service:${service.host}`, kind: 'service', service, title: service.host, line: `${rps(f.rps)} rps · ${pct(f.successRate)}`, cls: health(f, service.breaker) });
      edges.push({ from: gateways, to: node, cls: health(f, service.breaker), lines: [`${rps(f.rps)} rps · ${pct(f.successRate)} · p99 ${ms(f.p99)}`] });
      const subsetNodes = new Map();
      for (const subset of service.subsets) {
        const s = subset.figures;
        const sub = add(2, { id: `subset:${service.host}/${subset.name}`, kind: 'subset', service, subset, title: subset.name, line: labels(subset.labels), cls: health(s, subset.breaker) });
        subsetNodes.set(subset.name, sub);
        const lines = [`${rps(s.rps)} rps · ${pct(s.successRate)} · p99 ${ms(s.p99)}`];
        if (subset.configuredWeight != null) {
          lines.push(`weight ${subset.configuredWeight}% · observed ${pct(subset.observedShare)}`);
        }
        edges.push({ from: node, to: sub, cls: health(s, subset.breaker), lines, share: `${service.host}/${subset.name}` });
      }
      for (const endpoint of service.endpoints) {
        const e = endpoint.figures;
        const cls = health(e, null, endpoint.ejected);
        const ep = add(3, { id: `endpoint:${service.host}/${endpoint.address}`, kind: 'endpoint', service, endpoint, title: endpoint.address, line: endpoint.subsets.join(', ') || '–', cls });
        const parents = endpoint.subsets.map(name => subsetNodes.get(name)).filter(Boolean);
        for (const parent of parents.length ? parents : [node]) {
          edges.push({ from: parent, to: ep, cls, lines: [`${rps(e.rps)} rps · p99 ${ms(e.p99)}`] });
        }
      }
    }
    return { nodes, edges, columns };
  }

  function nodeLabel(node) {
    switch (node.kind) {
      case 'gateways': return `Gateways: ${node.title}, ${node.line}`;
      case 'service': return `Service ${node.title}: ${node.line}, breaker ${breakerText(node.service.breaker)}`;
      case 'subset': return `Subset ${node.service.host}/${node.title}: ${rps(node.subset.figures.rps)} requests/s, success ${pct(node.subset.figures.successRate)}, breaker ${breakerText(node.subset.breaker)}`;
      default: return `Endpoint ${node.title}${node.endpoint.ejected ? ', ejected' : ''}: ${rps(node.endpoint.figures.rps)} requests/s`;
    }
  }

  function renderGraph() {
    const { nodes, edges, columns } = graphModel();
    const rows = Math.max(1, ...columns.map(c => c.length));
    const height = rows * ROW + 24;
    for (const column of columns) {
      const offset = (height - column.length * ROW) / 2;
      column.forEach((node, i) => {
        node.x = COLUMNS[node.column].x;
        node.w = COLUMNS[node.column].w;
        node.y = offset + i * ROW + (ROW - NODE_H) / 2;
      });
    }
    let html = `<svg xmlns="${SVG}" width="1294" height="${height}" viewBox="0 0 1294 ${height}" role="group" aria-label="Topology graph">`;
    const labelsHtml = [];
    for (const edge of edges) {
      const x1 = edge.from.x + edge.from.w;
      const y1 = edge.from.y + NODE_H / 2;
      const x2 = edge.to.x;
      const y2 = edge.to.y + NODE_H / 2;
      const mid = (x1 + x2) / 2;
      html += `<path class="edge ${edge.cls}" d="M${x1},${y1} C${mid},${y1} ${mid},${y2} ${x2},${y2}" aria-hidden="true"/>`;
      const lx = mid;
      const ly = (y1 + y2) / 2 - (edge.lines.length - 1) * 7;
      const width = Math.max(...edge.lines.map(l => l.length)) * 5.6 + 8;
      labelsHtml.push(`<g aria-hidden="true"><rect class="edge-label-bg" x="${lx - width / 2}" y="${ly - 11}" width="${width}" height="${edge.lines.length * 14 + 4}" rx="3"/>` +
        edge.lines.map((line, i) => `<text class="edge-label" x="${lx}" y="${ly + i * 14}" text-anchor="middle"${edge.share && i === 1 ? ` data-edge-share="${esc(edge.share)}"` : ''}>${esc(line)}</text>`).join('') + '</g>');
    }
    html += labelsHtml.join('');
    nodes.forEach((node, i) => {
      const sel = node.id === selected ? ' selected' : '';
      // The name is the node's visible text; the rest (breaker, figures) is its description.
      html += `<g class="node ${node.cls}${sel}" role="button" tabindex="0" data-key="${esc(node.id)}" data-node="${esc(node.id)}" aria-describedby="node-desc-${i}" aria-pressed="${node.id === selected}">` +
        `<desc id="node-desc-${i}">${esc(nodeLabel(node))}</desc><rect x="${node.x}" y="${node.y}" width="${node.w}" height="${NODE_H}" rx="6"/>` +
        `<text class="title" x="${node.x + 8}" y="${node.y + 19}">${esc(clip(node.title, Math.floor((node.w - 14) / 7.6)))}</text>` +
        `<text x="${node.x + 8}" y="${node.y + 37}">${esc(clip(node.line, Math.floor((node.w - 14) / 6.4)))}</text></g>`;
    });
    html += '</svg>';
    put($('graph'), html);
    renderDetails(nodes.find(n => n.id === selected));
  }

  const clip = (text, n) => text.length > n ? `${text.slice(0, n - 1)}…` : text;

  function figuresList(f) {
    return `<dt>Requests/s</dt><dd>${rps(f.rps)}</dd><dt>Success</dt><dd>${pct(f.successRate)}</dd>
      <dt>p50 / p99</dt><dd>${ms(f.p50)} / ${ms(f.p99)}</dd><dt>TTFT p50 / p99</dt><dd>${ms(f.ttftP50)} / ${ms(f.ttftP99)}</dd>
      <dt>Tokens in / out per s</dt><dd>${f.tokensInPerSecond.toFixed(1)} / ${f.tokensOutPerSecond.toFixed(1)}</dd>
      <dt>4xx / 5xx</dt><dd>${f.clientErrors} / ${f.serverErrors}</dd>
      <dt>Flags</dt><dd>${esc(Object.entries(f.flags ?? {}).map(([k, v]) => `${k} ${v}`).join(', ') || '–')}</dd>`;
  }

  function renderDetails(node) {
    let html = '<p class="hint">Select a node.</p>';
    if (node?.kind === 'gateways') {
      html = `<h3>Gateways</h3><dl>${state.gateways.map(g => `<dt>${esc(clip(g.id, 22))}</dt><dd>${esc(g.sync)} (generation ${g.generation ?? '–'})</dd>`).join('') || '<dt>none</dt><dd>No gateway subscribed.</dd>'}</dl>`;
    } else if (node?.kind === 'service') {
      const s = node.service;
      html = `<h3>${esc(s.host)}</h3><dl><dt>Namespace</dt><dd>${esc(s.namespace)}</dd><dt>Routes</dt><dd>${s.routes.length}</dd>
        <dt>Breaker</dt><dd>${breakerBadge(s.breaker, s.host)}</dd>${figuresList(s.figures)}</dl>`;
    } else if (node?.kind === 'subset') {
      const s = node.subset;
      html = `<h3>${esc(node.service.host)}/${esc(s.name)}</h3><dl><dt>Labels</dt><dd>${esc(labels(s.labels))}</dd>
        <dt>Weight</dt><dd>${s.configuredWeight ?? '–'}${s.configuredWeight != null ? '%' : ''}</dd><dt>Observed share</dt><dd>${pct(s.observedShare)}</dd>
        <dt>Breaker</dt><dd>${breakerBadge(s.breaker, `${node.service.host}/${s.name}`)}</dd><dt>Reason</dt><dd>${esc(s.breaker.reason ?? '–')}</dd>
        <dt>Time left</dt><dd>${seconds(s.breaker.openRemainingSeconds)}</dd>${figuresList(s.figures)}</dl>`;
    } else if (node?.kind === 'endpoint') {
      const e = node.endpoint;
      html = `<h3>${esc(e.address)}</h3><dl><dt>Subsets</dt><dd>${esc(e.subsets.join(', ') || '–')}</dd><dt>Labels</dt><dd>${esc(labels(e.labels))}</dd>
        <dt>Outlier</dt><dd>${e.ejected ? `ejected, ${seconds(e.ejected.remainingSeconds)} left` : 'in service'}</dd>${figuresList(e.figures)}</dl>`;
    }
    put($('details'), html);
  }

  function select(target) {
    const node = target.closest('[data-node]');
    if (!node) {
      return;
    }
    selected = node.dataset.node;
    rendered.delete($('graph'));
    renderGraph();
  }

  // ---- services ------------------------------------------------------------------------------------------------

  function serviceBody(service) {
    const routes = service.routes.map((r, i) => `<tr><td class="num">${i + 1}</td><td>${esc(r.virtualService)}</td><td>${esc(r.name)}${r.split ? ' ' + badge('idle', 'split') : ''}</td>
      <td>${r.matches.length ? r.matches.map(esc).join('<br>') : 'any request'}</td>
      <td>${r.destinations.map(d => `${esc(d.host)}${d.subset ? '/' + esc(d.subset) : ''} ${d.weight}%`).join('<br>') || '–'}</td>
      <td>${esc(r.mirror ?? '–')}</td><td>${esc(r.other ?? '–')}</td></tr>`).join('');
    const subsets = service.subsets.map(s => `<tr><th scope="row">${esc(s.name)}</th><td>${esc(labels(s.labels))}</td>
      <td class="num">${s.configuredWeight == null ? '–' : s.configuredWeight + '%'}</td><td class="num" data-share="${esc(service.host)}/${esc(s.name)}">${pct(s.observedShare)}</td>
      <td class="num">${rps(s.figures.rps)}</td><td class="num">${pct(s.figures.successRate)}</td><td class="num">${ms(s.figures.p99)}</td>
      <td>${breakerBadge(s.breaker, `${service.host}/${s.name}`)}</td><td>${esc(s.breaker.reason ?? '–')}</td><td class="num">${seconds(s.breaker.openRemainingSeconds)}</td></tr>`).join('');
    const endpoints = service.endpoints.map(e => `<tr><th scope="row">${esc(e.address)}</th><td>${esc(e.subsets.join(', ') || '–')}</td><td>${esc(labels(e.labels))}</td>
      <td class="num">${rps(e.figures.rps)}</td><td class="num">${pct(e.figures.successRate)}</td><td class="num">${ms(e.figures.p99)}</td>
      <td>${e.ejected ? badge('bad', `ejected, ${seconds(e.ejected.remainingSeconds)} left`) : badge('ok', 'in service')}</td></tr>`).join('');
    const f = service.figures;
    const answered = f.requests;
    const success = answered - f.clientErrors - f.serverErrors;
    const flags = Object.entries(f.flags ?? {}).sort().map(([flag, count]) => `<tr><th scope="row">${esc(flag)}</th><td class="num">${count}</td></tr>`).join('');
    const limits = service.rateLimits.map(l => `<li>${esc(l.scope)} (${esc(l.kind)}): ${esc(l.limit)}</li>`).join('');
    return `<h3>${esc(service.host)} ${breakerBadge(service.breaker, service.host)}</h3>
      <table><caption>Routes of ${esc(service.host)}, in the order they are tried</caption><thead><tr><th class="num" scope="col">#</th><th scope="col">VirtualService</th><th scope="col">Route</th><th scope="col">Matches</th><th scope="col">Destinations</th><th scope="col">Mirror</th><th scope="col">Other</th></tr></thead><tbody>${routes || '<tr><td colspan="7">No VirtualService routes to this host.</td></tr>'}</tbody></table>
      <table><caption>Subsets of ${esc(service.host)}</caption><thead><tr><th scope="col">Subset</th><th scope="col">Labels</th><th class="num" scope="col">Weight</th><th class="num" scope="col">Observed</th><th class="num" scope="col">Req/s</th><th class="num" scope="col">Success</th><th class="num" scope="col">p99</th><th scope="col">Breaker</th><th scope="col">Reason</th><th class="num" scope="col">Time left</th></tr></thead><tbody>${subsets || '<tr><td colspan="10">No DestinationRule subsets.</td></tr>'}</tbody></table>
      <table><caption>Endpoints of ${esc(service.host)}</caption><thead><tr><th scope="col">Endpoint</th><th scope="col">Subsets</th><th scope="col">Labels</th><th class="num" scope="col">Req/s</th><th class="num" scope="col">Success</th><th class="num" scope="col">p99</th><th scope="col">Outlier detection</th></tr></thead><tbody>${endpoints || '<tr><td colspan="7">No endpoints.</td></tr>'}</tbody></table>
      <table><caption>Answers in the last minute</caption><tbody><tr><th scope="row">1xx–3xx</th><td class="num">${success}</td></tr><tr><th scope="row">4xx</th><td class="num">${f.clientErrors}</td></tr><tr><th scope="row">5xx</th><td class="num">${f.serverErrors}</td></tr>${flags}</tbody></table>
      <h4>Rate-limit buckets</h4>${limits ? `<ul>${limits}</ul>` : '<p class="hint">No rate limits configured.</p>'}
      ${service.destinationRule ? `<details><summary>DestinationRule (policies)</summary><pre tabindex="0">${esc(service.destinationRule)}</pre></details>` : ''}`;
  }

  function renderServices() {
    const list = $('service-list');
    const hosts = state.services.map(s => s.host).join('\n');
    if (list.dataset.hosts !== hosts) {
      list.dataset.hosts = hosts;
      list.innerHTML = state.services.map((s, i) => `<div class="service" data-service="${esc(s.host)}"><div class="service-body"></div>
        <div class="actions" role="group" aria-label="Breaker actions for ${esc(s.host)}">
          <label for="breaker-target-${i}">Breaker of</label>
          <select id="breaker-target-${i}">${[s.host, ...s.subsets.map(x => `${s.host}/${x.name}`)].map(d => `<option value="${esc(d)}">${esc(d)}</option>`).join('')}</select>
          <button type="button" class="danger" data-hold="open">Hold open</button>
          <button type="button" data-hold="close">Hold closed</button>
          <button type="button" data-hold="reset">Reset</button>
          <p class="message" role="status"></p>
        </div></div>`).join('') || '<p class="hint">No services configured.</p>';
      for (const element of list.querySelectorAll('.service')) {
        rendered.delete(element.querySelector('.service-body'));
      }
    }
    for (const service of state.services) {
      const element = list.querySelector(`[data-service="${CSS.escape(service.host)}"] .service-body`);
      put(element, serviceBody(service));
    }
  }

  async function holdBreaker(button) {
    const actions = button.closest('.actions');
    const target = actions.querySelector('select').value;
    const slash = target.indexOf('/');
    const message = actions.querySelector('.message');
    const answer = await post('breaker', { host: slash < 0 ? target : target.slice(0, slash), subset: slash < 0 ? null : target.slice(slash + 1), hold: button.dataset.hold });
    message.classList.toggle('error', !answer.ok);
    message.textContent = answer.ok ? `Breaker ${target}: ${answer.data.state}${answer.data.override === 'None' ? '' : ` (${answer.data.override})`}.` : `Refused: ${answer.data?.error ?? `HTTP ${answer.status}`}`;
    if (answer.ok) {
      await refresh();
    }
  }

  // ---- models --------------------------------------------------------------------------------------------------

  function renderModels() {
    const rows = [
      ['Requests/s', f => rps(f.rps)], ['Success', f => pct(f.successRate)], ['Tokens in/s', f => f.tokensInPerSecond.toFixed(1)],
      ['Tokens out/s', f => f.tokensOutPerSecond.toFixed(1)], ['TTFT p50', f => ms(f.ttftP50)], ['TTFT p99', f => ms(f.ttftP99)],
      ['Latency p99', f => ms(f.p99)], ['Errors 4xx', f => String(f.clientErrors)], ['Errors 5xx', f => String(f.serverErrors)],
    ];
    const html = state.services.map(service => {
      const versions = service.subsets.length ? service.subsets.map(s => ({ name: s.name, f: s.figures })) : [{ name: 'all', f: service.figures }];
      return `<table data-model="${esc(service.host)}"><caption>${esc(service.host)}</caption><thead><tr><th scope="col">Figure</th>${versions.map(v => `<th class="num" scope="col">${esc(v.name)}</th>`).join('')}</tr></thead>
        <tbody>${rows.map(([name, value]) => `<tr><th scope="row">${name}</th>${versions.map(v => `<td class="num">${value(v.f)}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
    }).join('');
    put($('model-list'), html ? `<div class="models">${html}</div>` : '<p class="hint">No models.</p>');
  }

  // ---- rollouts ------------------------------------------------------------------------------------------------

  const range = r => [r?.min != null ? `≥ ${r.min}` : null, r?.max != null ? `≤ ${r.max}` : null].filter(Boolean).join(' and ') || 'any';
  const within = (v, r) => v != null && (r?.min == null || v >= r.min) && (r?.max == null || v <= r.max);
  const figure = v => v == null ? '–' : Math.abs(v) >= 100 ? v.toFixed(0) : v.toFixed(2);

  function weightChart(rollout) {
    const points = [...rollout.checks, ...rollout.events]
      .filter(p => p.canaryWeight != null)
      .map(p => ({ t: Date.parse(p.at), w: p.canaryWeight }))
      .sort((a, b) => a.t - b.t);
    if (rollout.canaryWeight != null) {
      points.push({ t: Date.parse(state.at), w: rollout.canaryWeight });
    }
    if (points.length === 0) {
      return '<p class="hint">No canary weight yet.</p>';
    }
    const width = 360;
    const height = 120;
    const left = 36;
    const bottom = 18;
    const t0 = points[0].t;
    const span = Math.max(points[points.length - 1].t - t0, 1);
    const x = t => left + ((t - t0) / span) * (width - left - 6);
    const y = w => 6 + (1 - w / 100) * (height - bottom - 6);
    let path = '';
    points.forEach((p, i) => {
      path += i === 0 ? `${x(p.t).toFixed(1)},${y(p.w).toFixed(1)}` : ` ${x(p.t).toFixed(1)},${y(points[i - 1].w).toFixed(1)} ${x(p.t).toFixed(1)},${y(p.w).toFixed(1)}`;
    });
    const ago = span < 60000 ? `${Math.max(1, Math.round(span / 1000))} s` : `${Math.round(span / 60000)} min`;
    return `<div class="chart"><h4>Canary weight over time</h4><svg xmlns="${SVG}" width="${width}" height="${height}" role="img" aria-label="Canary weight of ${esc(rollout.namespace)}/${esc(rollout.name)} over time, now ${rollout.canaryWeight ?? 'unset'}%">
      <line class="axis" x1="${left}" y1="${height - bottom}" x2="${width - 6}" y2="${height - bottom}"/><line class="axis" x1="${left}" y1="6" x2="${left}" y2="${height - bottom}"/>
      <line class="threshold" x1="${left}" y1="${y(rollout.maxWeight)}" x2="${width - 6}" y2="${y(rollout.maxWeight)}"/>
      <text x="${left - 4}" y="12" text-anchor="end">100%</text><text x="${left - 4}" y="${height - bottom}" text-anchor="end">0</text>
      <text x="${left}" y="${height - 4}">−${ago}</text><text x="${width - 6}" y="${height - 4}" text-anchor="end">now</text>
      <polyline class="series-1" points="${path}"/></svg>
      <ul class="keys"><li><span class="key-1"></span>canary weight</li><li><span class="key-threshold"></span>max weight ${rollout.maxWeight}%</li></ul></div>`;
  }

  function rolloutBody(rollout) {
    const phaseClass = { Succeeded: 'ok', Failed: 'bad', Progressing: 'warn', Promoting: 'warn' }[rollout.phase] ?? 'idle';
    const names = [...new Set([...rollout.metrics.map(m => m.name), ...rollout.checks.flatMap(c => c.metrics.map(m => m.name))])];
    const checks = [...rollout.checks].reverse().slice(0, 10).map(c => `<tr><td>${time(c.at)}</td><td class="num">${c.canaryWeight ?? '–'}%</td>
      <td>${badge(c.verdict === 'Passed' ? 'ok' : c.verdict === 'Failed' ? 'bad' : 'idle', c.verdict)}</td>
      <td class="num">${c.canary.requests} / ${c.stable.requests}</td>
      ${names.map(n => {
        const m = c.metrics.find(x => x.name === n);
        return m ? `<td>${badge(m.value == null ? 'idle' : (m.failed ?? !within(m.value, m.range)) ? 'bad' : 'ok', figure(m.value))}</td>` : '<td>–</td>';
      }).join('')}</tr>`).join('');
    const events = [...rollout.events].reverse().slice(0, 10).map(e => `<tr><td>${time(e.at)}</td><td>${esc(e.phase)}</td><td class="num">${e.canaryWeight ?? '–'}${e.canaryWeight == null ? '' : '%'}</td><td>${esc(e.message)}</td></tr>`).join('');
    return `<h3>${esc(rollout.namespace)}/${esc(rollout.name)} ${badge(phaseClass, rollout.phase, ' data-phase')}${rollout.paused ? ' ' + badge('warn', 'Paused', ' data-paused') : ''}</h3>
      <p>${esc(rollout.host)}: stable <strong>${esc(rollout.stable)}</strong>, canary <strong>${esc(rollout.canary)}</strong> at <strong data-canary-weight>${rollout.canaryWeight ?? '–'}${rollout.canaryWeight == null ? '' : '%'}</strong> (at most ${rollout.maxWeight}%).
        Checks passed ${rollout.passedChecks}, failed ${rollout.failedChecks} of ${rollout.threshold} allowed.${rollout.nextCheckAt ? ` Next check ${time(rollout.nextCheckAt)}.` : ''}</p>
      <div class="charts">${weightChart(rollout)}</div>
      <table><caption>Checks of ${esc(rollout.name)}, newest first: each figure against its threshold</caption><thead><tr><th scope="col">At</th><th class="num" scope="col">Weight</th><th scope="col">Verdict</th><th class="num" scope="col">Requests canary / stable</th>${names.map(n => `<th scope="col">${esc(n)} (${esc(range(rollout.metrics.find(m => m.name === n)?.thresholdRange))})</th>`).join('')}</tr></thead>
        <tbody>${checks || `<tr><td colspan="${4 + names.length}">No checks yet.</td></tr>`}</tbody></table>
      <table><caption>Events of ${esc(rollout.name)}, newest first</caption><thead><tr><th scope="col">At</th><th scope="col">Phase</th><th class="num" scope="col">Weight</th><th scope="col">Message</th></tr></thead>
        <tbody>${events || '<tr><td colspan="4">No events yet.</td></tr>'}</tbody></table>`;
  }

  function renderRollouts() {
    const list = $('rollout-list');
    const rollouts = state.rollouts ?? [];
    const keys = rollouts.map(r => `${r.namespace}/${r.name}`).join('\n');
    if (list.dataset.keys !== keys) {
      list.dataset.keys = keys;
      list.innerHTML = rollouts.map(r => {
        const key = `${r.namespace}/${r.name}`;
        return `<div class="service" data-rollout="${esc(key)}"><div class="rollout-body"></div>
          <div class="actions" role="group" aria-label="Actions on rollout ${esc(key)}">
            <button type="button" data-rollout-action="promote">Promote</button>
            <button type="button" class="danger" data-rollout-action="abort">Abort</button>
            <button type="button" data-rollout-action="pause">Pause</button>
            <button type="button" data-rollout-action="resume">Resume</button>
            <p class="message" role="status"></p>
          </div></div>`;
      }).join('') || '<p class="hint">No rollouts.</p>';
    }
    for (const rollout of rollouts) {
      put(list.querySelector(`[data-rollout="${CSS.escape(`${rollout.namespace}/${rollout.name}`)}"] .rollout-body`), rolloutBody(rollout));
    }
  }

  async function actOnRollout(button) {
    const root = button.closest('[data-rollout]');
    const key = root.dataset.rollout;
    const slash = key.indexOf('/');
    const message = root.querySelector('.message');
    const action = button.dataset.rolloutAction;
    const answer = await post('rollout', { namespace: key.slice(0, slash), name: key.slice(slash + 1), action });
    message.classList.toggle('error', !answer.ok);
    message.textContent = answer.ok ? `Rollout ${key}: ${action} done, phase ${answer.data.phase}.` : `Refused: ${answer.data?.error ?? `HTTP ${answer.status}`}`;
    if (answer.ok) {
      await refresh();
    }
  }

  // ---- control plane -------------------------------------------------------------------------------------------

  function renderControl() {
    const silos = state.silos.map(s => `<tr><th scope="row">${esc(s.address)}</th><td>${esc(s.name)}</td><td>${badge(s.status === 'Active' ? 'ok' : s.status === 'Dead' ? 'idle' : 'warn', s.status)}</td><td>${time(s.started)}</td></tr>`).join('');
    const gateways = state.gateways.map(g => `<tr><th scope="row">${esc(g.id)}</th><td class="num">${g.generation ?? '–'}</td><td>${badge(g.sync === 'SYNCED' ? 'ok' : g.sync === 'STALE' ? 'bad' : 'idle', g.sync, ' data-sync')}</td>
      <td>${time(g.lastRenewed)}</td><td>${time(g.lastAcknowledged)}</td><td class="num">${g.pushMilliseconds == null ? '–' : ms(g.pushMilliseconds)}</td></tr>`).join('');
    put($('control'), `<p>Config generation <strong data-generation>${state.generation}</strong> (epoch ${esc(state.epoch)}).</p>
      <table><caption>Silos</caption><thead><tr><th scope="col">Silo</th><th scope="col">Name</th><th scope="col">Status</th><th scope="col">Started</th></tr></thead><tbody>${silos}</tbody></table>
      <table><caption>Gateways</caption><thead><tr><th scope="col">Gateway</th><th class="num" scope="col">Generation</th><th scope="col">Sync</th><th scope="col">Last renewed</th><th scope="col">Last acknowledged</th><th class="num" scope="col">Push to ack</th></tr></thead>
      <tbody>${gateways || '<tr><td colspan="6">No gateway subscribed.</td></tr>'}</tbody></table>`);
  }

  function renderCertificates() {
    if (!mayAct()) {
      put($('certificates'), '<p class="hint">The CA\'s inventory is an admin read: enter the mesh admin token above to see it.</p>');
      return;
    }
    if (!certificates) {
      return;
    }
    const rows = certificates.map(c => `<tr><th scope="row">${esc(c.serial)}</th><td>${esc(c.identity)}</td><td>${time(c.notAfter)}</td><td>${c.revoked ? badge('bad', 'Revoked') : badge('ok', 'Valid')}</td></tr>`).join('');
    put($('certificates'), rows ? `<table><caption>Certificates issued by the mesh CA</caption><thead><tr><th scope="col">Serial</th><th scope="col">Identity</th><th scope="col">Expires</th><th scope="col">Status</th></tr></thead><tbody>${rows}</tbody></table>` : '<p class="hint">No certificates issued.</p>');
  }

  function renderConfig() {
    if (!config) {
      return;
    }
    const history = config.history.map(h => `<tr><th scope="row" class="num">${h.generation}</th><td>${time(h.seenAt)}</td><td>${h.changes.map(esc).join('<br>')}</td></tr>`).join('');
    put($('config'), `<table><caption>Config history seen by this silo</caption><thead><tr><th class="num" scope="col">Generation</th><th scope="col">Seen</th><th scope="col">Changes</th></tr></thead><tbody>${history}</tbody></table>
      <details><summary>Applied config, generation ${config.generation} (${config.resources} resources, read-only YAML)</summary><pre tabindex="0" aria-label="Applied config YAML">${esc(config.yaml)}</pre></details>`);
  }

  // ---- charts --------------------------------------------------------------------------------------------------

  function chart(title, description, until, lines, unit) {
    const width = 340;
    const height = 130;
    const left = 40;
    const bottom = 18;
    const values = lines.flatMap(l => l.values).filter(v => v != null);
    const max = Math.max(unit === '%' ? 100 : 0, ...values, 1e-9);
    const n = Math.max(until.length - 1, 1);
    const x = i => left + (i / n) * (width - left - 6);
    const y = v => 6 + (1 - v / max) * (height - bottom - 6);
    // Steps without traffic have no success rate or latency: the line breaks there, a lone step is a dot.
    const polylines = lines.map((line, k) => {
      const segments = [[]];
      line.values.forEach((v, i) => v == null ? segments.push([]) : segments[segments.length - 1].push([x(i), y(v)]));
      return segments.filter(p => p.length > 0).map(p => p.length === 1
        ? `<circle class="series-${k % 6}" cx="${p[0][0].toFixed(1)}" cy="${p[0][1].toFixed(1)}" r="2.5"/>`
        : `<polyline class="series-${k % 6}" points="${p.map(([px, py]) => `${px.toFixed(1)},${py.toFixed(1)}`).join(' ')}"/>`).join('');
    }).join('');
    const top = max >= 100 ? max.toFixed(0) : max >= 10 ? max.toFixed(1) : max.toFixed(2);
    return `<div class="chart"><h4>${esc(title)}</h4><svg xmlns="${SVG}" width="${width}" height="${height}" role="img" aria-label="${esc(description)}">
      <line class="grid" x1="${left}" y1="6" x2="${width - 6}" y2="6"/><line class="axis" x1="${left}" y1="${height - bottom}" x2="${width - 6}" y2="${height - bottom}"/>
      <line class="axis" x1="${left}" y1="6" x2="${left}" y2="${height - bottom}"/>
      <text x="${left - 4}" y="12" text-anchor="end">${top}</text><text x="${left - 4}" y="${height - bottom}" text-anchor="end">0</text>
      <text x="${left}" y="${height - 4}">−15 min</text><text x="${width - 6}" y="${height - 4}" text-anchor="end">now</text>${polylines}</svg>
      <ul class="keys">${lines.map((l, k) => `<li><span class="key-${k % 6}"></span>${esc(l.name)}</li>`).join('')}</ul></div>`;
  }

  function renderCharts() {
    if (!series) {
      return;
    }
    const html = series.hosts.map(host => {
      const by = pick => host.subsets.map(s => ({ name: s.subset, values: pick(s) }));
      if (host.subsets.length === 0) {
        return `<h3>${esc(host.host)}</h3><p class="hint">No traffic in the last 15 minutes.</p>`;
      }
      return `<h3>${esc(host.host)}</h3><div class="charts">
        ${chart('Requests/s', `Requests per second to ${host.host} by subset, last 15 minutes`, series.until, by(s => s.rps), '')}
        ${chart('Success rate (%)', `Success rate of ${host.host} by subset, last 15 minutes`, series.until, by(s => s.successRate), '%')}
        ${chart('p99 latency (ms)', `99th percentile latency of ${host.host} by subset, last 15 minutes`, series.until, by(s => s.p99), '')}
        ${chart('Tokens out/s', `Completion tokens per second of ${host.host} by subset, last 15 minutes`, series.until, by(s => s.tokensOutPerSecond), '')}</div>`;
    }).join('');
    put($('chart-list'), html || '<p class="hint">No services.</p>');
  }

  // ---- refresh -------------------------------------------------------------------------------------------------

  function render() {
    const synced = state.gateways.filter(g => g.sync === 'SYNCED').length;
    $('summary').textContent = `Generation ${state.generation} · ${state.silos.filter(s => s.status === 'Active').length} active silo(s) · ${state.gateways.length} gateway(s), ${synced} synced · ${state.services.length} service(s) · ${(state.rollouts ?? []).length} rollout(s) · updated ${new Date(state.at).toLocaleTimeString()}`;
    renderAccess();
    renderGraph();
    renderServices();
    renderModels();
    renderRollouts();
    renderControl();
    renderCertificates();
    renderConfig();
    renderCharts();
    document.dispatchEvent(new CustomEvent('dashboard:rendered'));
  }

  async function refresh() {
    try {
      state = await api('state');
      render();
      status('');
    } catch (error) {
      status(`Cannot read the mesh: ${error.message}`, true);
    }
  }

  async function refreshSlow() {
    try {
      [config, series] = await Promise.all([api('config'), api('series')]);
      certificates = mayAct() ? await api('certificates') : null;
      if (state) {
        render();
      }
    } catch (error) {
      status(`Cannot read the mesh: ${error.message}`, true);
    }
  }

  function loop(work, every) {
    const run = async () => {
      await work();
      setTimeout(run, every);
    };
    run();
  }

  document.addEventListener('DOMContentLoaded', () => {
    const graph = $('graph');
    graph.addEventListener('click', event => select(event.target));
    graph.addEventListener('keydown', event => {
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        select(event.target);
      }
    });
    $('service-list').addEventListener('click', event => {
      const button = event.target.closest('button[data-hold]');
      if (button) {
        holdBreaker(button);
      }
    });
    $('rollout-list').addEventListener('click', event => {
      const button = event.target.closest('button[data-rollout-action]');
      if (button) {
        actOnRollout(button);
      }
    });
    loop(refresh, STATE_EVERY_MS);
    loop(refreshSlow, SLOW_EVERY_MS);
  });
})();
