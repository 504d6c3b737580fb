// Sira caseworker console: vanilla JS, no build step. Every visible string comes from /console/i18n/<lng>.
(function () {
  'use strict';

  var POLL_MS = 15000;
  var SAFETY_REFRESH_MS = 60000;
  var NEED_COLORS = [
    '#0b6e99',
    '#f5a524',
    '#2e7d32',
    '#c62828',
    '#6a4c93',
    '#00897b',
    '#ef6c00',
    '#5c6bc0',
    '#8d6e63',
    '#d81b60',
    '#7cb342',
    '#546e7a',
    '#fdd835',
    '#26c6da',
  ];
  var REFERRAL_STATUSES = ['proposed', 'sent', 'accepted', 'completed', 'declined', 'no_show'];
  var REFERRAL_NEXT = {
    proposed: ['sent', 'declined'],
    sent: ['accepted', 'completed', 'declined', 'no_show'],
    accepted: ['completed', 'declined', 'no_show'],
    completed: [],
    declined: [],
    no_show: [],
  };
  var OUTCOMES = ['resolved', 'referred', 'unreachable', 'no_action', 'other'];
  var SMS_BUDGET = Number(document.querySelector('meta[name="sms-budget"]').content) || 2;

  var state = {
    lang: localStorage.getItem('sira.lang') || 'fr',
    strings: {},
    token: null,
    user: null,
    view: null,
    tab: 'waiting',
    lists: { waiting: [], claimed: [], closed: [] },
    selectedId: null,
    ticket: null,
    alert: null,
    drafts: {},
    live: 'off',
    regions: [],
  };

  var $ = function (id) {
    return document.getElementById(id);
  };

  // ---------- i18n ----------
  function lookup(key) {
    return key.split('.').reduce(function (node, part) {
      return node && node[part];
    }, state.strings);
  }
  function t(key, vars) {
    var value;
    if (vars && typeof vars.count === 'number')
      value = lookup(key + (vars.count === 1 ? '_one' : '_other'));
    if (typeof value !== 'string') value = lookup(key);
    if (typeof value !== 'string') return key;
    return value.replace(/\{\{(\w+)\}\}/g, function (_m, name) {
      return vars && vars[name] !== undefined ? String(vars[name]) : '';
    });
  }
  function loadStrings(lang) {
    return fetch('/console/i18n/' + lang + '.json')
      .then(function (res) {
        return res.json();
      })
      .then(function (strings) {
        state.lang = lang;
        state.strings = strings;
        document.documentElement.lang = lang === 'bm' ? 'bm' : lang;
        $('lang').value = lang;
        document.querySelectorAll('[data-i18n]').forEach(function (el) {
          el.textContent = t(el.getAttribute('data-i18n'));
        });
      });
  }
  function locale() {
    return state.lang === 'en' ? 'en-GB' : 'fr-FR';
  }
  function clock(date) {
    return new Date(date).toLocaleTimeString(locale(), { hour: '2-digit', minute: '2-digit' });
  }
  function dateTime(date) {
    return new Date(date).toLocaleString(locale(), {
      day: '2-digit',
      month: 'short',
      hour: '2-digit',
      minute: '2-digit',
    });
  }
  function duration(minutes) {
    if (minutes < 1) return t('time.justNow');
    if (minutes < 60) return t('time.minutes', { count: Math.round(minutes) });
    if (minutes < 48 * 60) return t('time.hours', { count: Math.round(minutes / 60) });
    return t('time.days', { count: Math.round(minutes / 1440) });
  }
  function since(date) {
    return duration((Date.now() - new Date(date).getTime()) / 60000);
  }

  // ---------- DOM helpers (no innerHTML: names and messages are never parsed as markup) ----------
  function h(tag, attrs, children) {
    var el = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      var value = attrs[name];
      if (value === undefined || value === null || value === false) return;
      if (name === 'class') el.className = value;
      else if (name === 'text') el.textContent = value;
      else if (name.slice(0, 2) === 'on') el.addEventListener(name.slice(2), value);
      else el.setAttribute(name, value === true ? '' : value);
    });
    (children || []).forEach(function (child) {
      if (child === null || child === undefined || child === false) return;
      el.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
    });
    return el;
  }
  function svg(tag, attrs, children) {
    var el = document.createElementNS('http://www.w3.org/2000/svg', tag);
    Object.keys(attrs || {}).forEach(function (name) {
      if (name === 'text') el.textContent = attrs[name];
      else el.setAttribute(name, attrs[name]);
    });
    (children || []).forEach(function (child) {
      if (child) el.appendChild(child);
    });
    return el;
  }
  function clear(el) {
    while (el.firstChild) el.removeChild(el.firstChild);
    return el;
  }

  var toastTimer;
  function toast(text, isError) {
    var el = $('toast');
    el.textContent = text;
    el.className = 'toast' + (isError ? ' error' : '');
    el.hidden = false;
    clearTimeout(toastTimer);
    toastTimer = setTimeout(
      function () {
        el.hidden = true;
      },
      isError ? 6000 : 3500,
    );
  }

  // ---------- session and API ----------
  var refreshTimer;
  var refreshing = null;

  function setSession(session) {
    state.token = session.accessToken;
    state.user = session.user;
    clearTimeout(refreshTimer);
    refreshTimer = setTimeout(refresh, Math.max(10, session.expiresIn - 60) * 1000);
  }

  function refreshOnce() {
    return fetch('/api/auth/refresh', { method: 'POST', credentials: 'same-origin' }).then(
      function (res) {
        if (!res.ok) return false;
        return res.json().then(function (session) {
          setSession(session);
          return true;
        });
      },
    );
  }

  // The refresh cookie is httpOnly and each refresh token works once. One refresh at a time here;
  // if another tab spent the cookie at the same moment, its new cookie is in place a moment later.
  function refresh() {
    if (!refreshing) {
      refreshing = refreshOnce()
        .then(function (ok) {
          if (ok || !state.user) return ok;
          return new Promise(function (resolve) {
            setTimeout(resolve, 1500);
          }).then(refreshOnce);
        })
        .catch(function () {
          clearTimeout(refreshTimer);
          refreshTimer = setTimeout(refresh, 30000);
          return false;
        })
        .finally(function () {
          refreshing = null;
        });
    }
    return refreshing;
  }

  function api(method, path, body, retried) {
    var headers = { accept: 'application/json' };
    if (state.token) headers.authorization = 'Bearer ' + state.token;
    if (body !== undefined) headers['content-type'] = 'application/json';
    return fetch(path, {
      method: method,
      headers: headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    })
      .then(function (res) {
        return res.text().then(function (text) {
          var data = null;
          try {
            data = text ? JSON.parse(text) : null;
          } catch (e) {
            data = null;
          }
          if (res.status === 401 && !retried && state.user) {
            return refresh().then(function (ok) {
              if (ok) return api(method, path, body, true);
              endSession('login.expired');
              return { ok: false, status: 401, data: data };
            });
          }
          return { ok: res.ok, status: res.status, data: data };
        });
      })
      .catch(function () {
        toast(t('errors.network'), true);
        return { ok: false, status: 0, data: null };
      });
  }

  function explain(res) {
    if (res.status === 0) return;
    if (res.status === 403) toast(t('errors.forbidden'), true);
    else if (res.status === 404) toast(t('errors.notFound'), true);
    else if (res.status === 409) toast(t('errors.conflict'), true);
    else toast(t('errors.generic'), true);
  }

  // ---------- login ----------
  function showLogin(messageKey) {
    document.body.classList.remove('booting');
    ['nav', 'who', 'logout', 'live', 'urgent-banner'].forEach(function (id) {
      $(id).hidden = true;
    });
    showView('login');
    var error = $('login-error');
    error.hidden = !messageKey;
    if (messageKey) error.textContent = t(messageKey);
    $('login-email').focus();
    document.title = t('app.title');
  }

  $('login-form').addEventListener('submit', function (event) {
    event.preventDefault();
    var error = $('login-error');
    var body = { email: $('login-email').value.trim(), password: $('login-password').value };
    fetch('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      credentials: 'same-origin',
      body: JSON.stringify(body),
    })
      .then(function (res) {
        return res.json().then(function (data) {
          if (res.ok) {
            $('login-password').value = '';
            setSession(data);
            startSession();
            return;
          }
          error.hidden = false;
          error.textContent =
            res.status === 429
              ? t('login.locked', { minutes: Math.ceil((data.retryAfterSeconds || 900) / 60) })
              : t('login.failed');
        });
      })
      .catch(function () {
        error.hidden = false;
        error.textContent = t('errors.network');
      });
  });

  $('logout').addEventListener('click', function () {
    api('POST', '/api/auth/logout').then(function () {
      endSession();
    });
  });

  function endSession(messageKey) {
    clearTimeout(refreshTimer);
    stopLive();
    state.token = null;
    state.user = null;
    state.ticket = null;
    state.selectedId = null;
    // An expired session keeps unsent replies for after the new login; signing out drops them.
    if (!messageKey) state.drafts = {};
    showLogin(messageKey);
  }

  function startSession() {
    document.body.classList.remove('booting');
    $('nav').hidden = false;
    $('logout').hidden = false;
    document.querySelector('#nav a[data-view=users]').hidden = state.user.role !== 'admin';
    loadRegions();
    var who = $('who');
    who.hidden = false;
    who.textContent = state.user.email + ' · ' + t('roles.' + state.user.role);
    startLive();
    if (!location.hash || location.hash === '#/') location.hash = '#/queue';
    route();
  }

  // ---------- routing ----------
  function showView(name) {
    state.view = name;
    ['login', 'queue', 'referrals', 'dashboard', 'users'].forEach(function (view) {
      $('view-' + view).hidden = view !== name;
    });
    document.querySelectorAll('#nav a').forEach(function (a) {
      a.classList.toggle('active', a.getAttribute('data-view') === name);
    });
  }

  function route() {
    if (!state.user) return;
    var parts = location.hash.replace(/^#\//, '').split('/');
    if (parts[0] === 'referrals') {
      showView('referrals');
      loadReferrals();
      return;
    }
    if (parts[0] === 'dashboard') {
      showView('dashboard');
      loadDashboard();
      return;
    }
    if (parts[0] === 'users' && state.user.role === 'admin') {
      showView('users');
      loadUsers();
      return;
    }
    showView('queue');
    var id = parts[1] || null;
    if (id !== state.selectedId) {
      state.selectedId = id;
      state.ticket = null;
      state.alert = null;
    }
    loadQueue();
    if (id) loadTicket(id);
    else renderTicket();
  }
  window.addEventListener('hashchange', route);

  // ---------- live updates: SSE first, polling when the stream keeps failing ----------
  var source = null;
  var sseFailures = 0;
  var liveTimer = null;
  var pollTimer = null;
  var safetyTimer = null;
  var refreshQueued = null;

  function setLive(mode) {
    state.live = mode;
    var el = $('live');
    el.hidden = false;
    el.className = 'live ' + mode;
    el.textContent =
      mode === 'on'
        ? t('live.on')
        : mode === 'polling'
          ? t('live.polling', { seconds: POLL_MS / 1000 })
          : t('live.offline');
  }

  function startLive() {
    stopLive();
    connectStream();
    safetyTimer = setInterval(function () {
      if (state.user) {
        scheduleRefresh();
        renderQueue();
      }
    }, SAFETY_REFRESH_MS);
  }

  function stopLive() {
    if (source) source.close();
    source = null;
    clearTimeout(liveTimer);
    clearInterval(pollTimer);
    clearInterval(safetyTimer);
    pollTimer = null;
  }

  function connectStream() {
    if (!window.EventSource || !state.token) {
      startPolling();
      return;
    }
    source = new EventSource(
      '/api/handoffs/events?access_token=' + encodeURIComponent(state.token),
    );
    source.onopen = function () {
      sseFailures = 0;
      clearInterval(pollTimer);
      pollTimer = null;
      setLive('on');
      scheduleRefresh();
    };
    source.onmessage = function (message) {
      var event;
      try {
        event = JSON.parse(message.data);
      } catch (e) {
        return;
      }
      if (!event || event.type === 'ping') return;
      if (event.type === 'ended') {
        streamEnded(event.reason);
        return;
      }
      scheduleRefresh(event.ticketId);
    };
    source.onerror = function () {
      if (source) source.close();
      source = null;
      sseFailures += 1;
      if (sseFailures >= 3) startPolling();
      else setLive('offline');
      // The token may have expired: refresh it before the next attempt.
      liveTimer = setTimeout(
        function () {
          refresh().then(function () {
            if (state.user) connectStream();
          });
        },
        sseFailures >= 3 ? 60000 : 2000 * sseFailures,
      );
    };
  }

  // The server ended the stream: a closed account goes back to the login screen saying why; an
  // expired token reconnects with a fresh one.
  function streamEnded(reason) {
    if (source) source.close();
    source = null;
    if (reason === 'ACCOUNT_DEACTIVATED' || reason === 'ACCOUNT_NOT_FOUND') {
      endSession('login.closed');
      return;
    }
    refresh().then(function (ok) {
      if (!state.user) return;
      if (ok) connectStream();
      else endSession('login.expired');
    });
  }

  function startPolling() {
    setLive('polling');
    if (!pollTimer)
      pollTimer = setInterval(function () {
        scheduleRefresh(state.selectedId);
      }, POLL_MS);
  }

  function scheduleRefresh(ticketId) {
    if (refreshQueued) {
      if (ticketId) refreshQueued.ids[ticketId] = true;
      return;
    }
    refreshQueued = { ids: {} };
    if (ticketId) refreshQueued.ids[ticketId] = true;
    setTimeout(function () {
      var ids = refreshQueued.ids;
      refreshQueued = null;
      if (!state.user) return;
      loadQueue();
      if (
        state.view === 'queue' &&
        state.selectedId &&
        (ids[state.selectedId] || !Object.keys(ids).length)
      )
        loadTicket(state.selectedId);
      if (state.view === 'dashboard') loadDashboard();
    }, 300);
  }

  // ---------- queue ----------
  function byPriority(a, b) {
    return a.priority - b.priority || new Date(a.openedAt) - new Date(b.openedAt);
  }

  function loadQueue() {
    var wanted = ['waiting', 'claimed'];
    if (state.tab === 'closed') wanted.push('closed');
    return Promise.all(
      wanted.map(function (status) {
        return api('GET', '/api/handoffs?status=' + status);
      }),
    ).then(function (results) {
      results.forEach(function (res, i) {
        if (res.ok && Array.isArray(res.data))
          state.lists[wanted[i]] = res.data.slice().sort(byPriority);
      });
      renderQueue();
      renderUrgency();
    });
  }

  function visibleItems() {
    if (state.tab === 'mine')
      return state.lists.claimed.filter(function (x) {
        return x.claimedBy && x.claimedBy.id === state.user.id;
      });
    if (state.tab === 'closed')
      return state.lists.closed.slice().sort(function (a, b) {
        return new Date(b.closedAt) - new Date(a.closedAt);
      });
    return state.lists[state.tab];
  }

  function ticketTitle(item) {
    if (item.needs && item.needs.length)
      return item.needs
        .map(function (n) {
          return t('needs.' + n);
        })
        .join(', ');
    return t('reasons.' + item.reason);
  }

  function flags(item) {
    return [
      item.urgent ? h('span', { class: 'flag urgent', text: t('queue.urgent') }) : null,
      !item.urgent && item.vulnerable
        ? h('span', { class: 'flag vulnerable', text: t('queue.vulnerable') })
        : null,
      item.escalated && item.status !== 'closed'
        ? h('span', { class: 'flag escalated', text: t('queue.escalated') })
        : null,
    ];
  }

  function renderQueue() {
    if (!state.user) return;
    document.querySelectorAll('#queue-tabs [data-tab]').forEach(function (tab) {
      tab.setAttribute('aria-selected', String(tab.getAttribute('data-tab') === state.tab));
    });
    var mine = state.lists.claimed.filter(function (x) {
      return x.claimedBy && x.claimedBy.id === state.user.id;
    }).length;
    var waitingCount = document.querySelector('[data-count="waiting"]');
    waitingCount.textContent = state.lists.waiting.length || '';
    waitingCount.classList.toggle(
      'hot',
      state.lists.waiting.some(function (x) {
        return x.urgent;
      }),
    );
    document.querySelector('[data-count="mine"]').textContent = mine || '';

    var list = clear($('queue-list'));
    var items = visibleItems();
    if (!items.length) list.appendChild(h('li', { class: 'empty', text: t('queue.empty') }));
    items.forEach(function (item) {
      var classes =
        'qitem' +
        (item.urgent ? ' urgent' : item.vulnerable ? ' vulnerable' : '') +
        (item.id === state.selectedId ? ' selected' : '');
      var where = [item.place, item.region].filter(Boolean).join(' · ') || t('queue.noRegion');
      var age = item.status === 'closed' ? dateTime(item.closedAt) : since(item.openedAt);
      list.appendChild(
        h('li', {}, [
          h(
            'button',
            {
              type: 'button',
              class: classes,
              'data-id': item.id,
              onclick: function () {
                location.hash = '#/queue/' + item.id;
              },
            },
            [
              h(
                'div',
                { class: 'row' },
                flags(item).concat([
                  h('span', { class: 'title', text: ticketTitle(item) }),
                  h('span', { class: 'age', text: age }),
                ]),
              ),
              h('div', { class: 'sub' }, [
                h('span', { text: where }),
                h('span', { text: '·' }),
                h('span', { text: t('channels.' + item.channel) }),
                h('span', { text: item.language.toUpperCase() }),
                h('span', { text: '·' }),
                h('span', { text: t('queue.messages', { count: item.messageCount || 0 }) }),
              ]),
              item.claimedBy && item.status === 'claimed'
                ? h('div', {
                    class: 'owner',
                    text: t('queue.claimedBy', { email: item.claimedBy.email }),
                  })
                : null,
            ],
          ),
        ]),
      );
    });
  }

  function renderUrgency() {
    var urgent = state.lists.waiting.filter(function (x) {
      return x.urgent;
    }).length;
    var banner = $('urgent-banner');
    banner.hidden = urgent === 0 || !state.user;
    banner.textContent = t('queue.urgentBanner', { count: urgent });
    var waiting = state.lists.waiting.length;
    document.title =
      (urgent ? '(' + urgent + ') ⚠ ' : waiting ? '(' + waiting + ') ' : '') + t('app.title');
  }

  document.querySelectorAll('#queue-tabs [data-tab]').forEach(function (tab) {
    tab.addEventListener('click', function () {
      state.tab = tab.getAttribute('data-tab');
      renderQueue();
      if (state.tab === 'closed') loadQueue();
    });
  });

  // ---------- ticket ----------
  var pane = null;

  function loadTicket(id) {
    return api('GET', '/api/handoffs/' + id).then(function (res) {
      if (id !== state.selectedId) return;
      if (res.ok) state.ticket = res.data;
      else {
        state.ticket = null;
        explain(res);
      }
      renderTicket();
    });
  }

  function isMine(ticket) {
    return ticket.status === 'claimed' && ticket.claimedBy && ticket.claimedBy.id === state.user.id;
  }

  function renderTicket() {
    var root = $('ticket');
    var ticket = state.ticket;
    if (!ticket) {
      pane = null;
      clear(root).appendChild(
        h('p', { class: 'placeholder', text: state.selectedId ? '…' : t('ticket.select') }),
      );
      return;
    }
    // The reply box survives live refreshes, so typing is never interrupted.
    var canReply = isMine(ticket);
    if (!pane || pane.id !== ticket.id || pane.canReply !== canReply || pane.lang !== state.lang) {
      pane = {
        id: ticket.id,
        canReply: canReply,
        lang: state.lang,
        head: h('div', { class: 'ticket-head' }),
        alert: h('div'),
        transcript: h('div', { class: 'transcript' }),
        facts: h('dl', { class: 'facts' }),
        reply: replyBox(ticket, canReply),
      };
      clear(root);
      root.appendChild(pane.head);
      root.appendChild(pane.alert);
      root.appendChild(
        h('div', { class: 'ticket-body' }, [
          h('div', { class: 'conversation' }, [pane.transcript, pane.reply]),
          pane.facts,
        ]),
      );
    }
    renderHead(ticket);
    renderAlert();
    renderTranscript(ticket);
    renderFacts(ticket);
  }

  function renderHead(ticket) {
    var actions = [];
    var staff = state.user.role !== 'caseworker';
    if (ticket.status === 'waiting') {
      actions.push(
        h('button', {
          type: 'button',
          class: 'btn primary',
          'data-action': 'claim',
          text: t('ticket.claim'),
          onclick: function () {
            claim(ticket.id);
          },
        }),
      );
    }
    if (isMine(ticket)) {
      actions.push(
        h('button', {
          type: 'button',
          class: 'btn',
          'data-action': 'release',
          text: t('ticket.release'),
          onclick: function () {
            release(ticket.id);
          },
        }),
      );
    }
    if (ticket.status !== 'closed' && (ticket.status === 'waiting' || isMine(ticket) || staff)) {
      actions.push(
        h('button', {
          type: 'button',
          class: 'btn',
          'data-action': 'transfer',
          text: t('ticket.transfer'),
          onclick: function () {
            openTransfer(ticket);
          },
        }),
      );
    }
    if (isMine(ticket)) {
      actions.push(
        h('button', {
          type: 'button',
          class: 'btn danger',
          'data-action': 'close',
          text: t('ticket.close'),
          onclick: function () {
            openClose(ticket);
          },
        }),
      );
    }
    clear(pane.head).appendChild(
      h('div', {}, [
        h('h2', {}, flags(ticket).concat([h('span', { text: ticketTitle(ticket) })])),
        h('div', { class: 'meta' }, [
          h('span', {
            class: 'status ' + ticket.status,
            'data-status': ticket.status,
            text: t('status.' + ticket.status),
          }),
          h('span', { text: t('reasons.' + ticket.reason) }),
          h('span', {
            text:
              ticket.status === 'closed'
                ? dateTime(ticket.closedAt)
                : t('queue.waitingFor', { time: since(ticket.openedAt) }),
          }),
          ticket.claimedBy && ticket.status === 'claimed' && !isMine(ticket)
            ? h('span', { text: t('ticket.notYours', { email: ticket.claimedBy.email }) })
            : null,
        ]),
      ]),
    );
    pane.head.appendChild(h('div', { class: 'actions' }, actions));
  }

  function renderAlert() {
    clear(pane.alert);
    if (state.alert && state.alert.id === state.selectedId) {
      pane.alert.appendChild(
        h('div', {
          class: 'alert ' + state.alert.kind,
          role: 'alert',
          'data-alert': state.alert.code,
          text: state.alert.text,
        }),
      );
    }
  }

  function renderTranscript(ticket) {
    var box = pane.transcript;
    var atBottom =
      box.scrollHeight - box.scrollTop - box.clientHeight < 40 || !box.childElementCount;
    clear(box);
    ticket.transcript.forEach(function (line) {
      var who =
        line.from === 'caseworker'
          ? line.by || t('ticket.from.caseworker')
          : t('ticket.from.' + line.from);
      var bad = ['held', 'refused', 'failed', 'undelivered'].indexOf(line.deliveryStatus) >= 0;
      box.appendChild(
        h('div', { class: 'msg ' + line.from }, [
          h('span', { class: 'who', text: who + ' · ' + clock(line.at) }),
          line.text,
          line.from === 'caseworker' && line.deliveryStatus
            ? h('span', {
                class: 'delivery' + (bad ? ' bad' : ''),
                'data-delivery': line.deliveryStatus,
                text: t('ticket.delivery.' + line.deliveryStatus),
              })
            : null,
        ]),
      );
    });
    if (atBottom) box.scrollTop = box.scrollHeight;
  }

  function renderFacts(ticket) {
    var dash = t('ticket.none');
    var rows = [
      [
        'ticket.needs',
        ticket.needs.length
          ? ticket.needs.map(function (n) {
              return h('span', { class: 'chip', text: t('needs.' + n) });
            })
          : [dash],
      ],
      ['ticket.place', [ticket.place || dash]],
      ['ticket.region', [ticket.region || dash]],
      [
        'ticket.language',
        [h('span', { class: 'chip plain', text: t('languages.' + ticket.language) })],
      ],
      [
        'ticket.channel',
        [h('span', { class: 'chip plain', text: t('channels.' + ticket.channel) })],
      ],
      ['ticket.opened', [dateTime(ticket.openedAt)]],
    ];
    if (ticket.outcome) rows.push(['ticket.outcome', [t('outcomes.' + ticket.outcome)]]);
    if (ticket.note) rows.push(['ticket.note', [ticket.note]]);
    var facts = clear(pane.facts);
    rows.forEach(function (row) {
      facts.appendChild(h('dt', { text: t(row[0]) }));
      facts.appendChild(h('dd', {}, row[1]));
    });
  }

  function replyBox(ticket, canReply) {
    if (!canReply) {
      var note = ticket.status === 'waiting' ? t('ticket.claimFirst') : '';
      return h(
        'div',
        { class: 'reply' + (note ? '' : ' hidden-reply') },
        note ? [h('p', { class: 'reply-note', text: note })] : [],
      );
    }
    var area = h('textarea', {
      id: 'reply-text',
      'aria-label': t('reply.label'),
      placeholder: t('reply.placeholder'),
      maxlength: '1600',
      rows: '3',
    });
    area.value = state.drafts[ticket.id] || '';
    var info = h('span', { class: 'seg', 'data-segments': '0' });
    var detail = h('span');
    var warn = h('span', { class: 'over' });
    var send = h('button', { type: 'submit', class: 'btn primary', text: t('reply.send') });
    function update() {
      state.drafts[ticket.id] = area.value;
      send.disabled = !area.value.trim();
      if (ticket.channel === 'whatsapp') {
        info.textContent = t('reply.whatsapp');
        detail.textContent = t('reply.chars', { count: Array.from(area.value).length });
        return;
      }
      var count = window.SiraSms.count(area.value);
      info.textContent = t('reply.segments', { count: count.segments });
      info.setAttribute('data-segments', String(count.segments));
      info.classList.toggle('over', count.segments > SMS_BUDGET);
      detail.textContent =
        (count.encoding === 'GSM-7' ? t('reply.gsm') : t('reply.ucs2')) +
        ' · ' +
        t('reply.chars', { count: count.length });
      warn.textContent =
        count.segments > SMS_BUDGET ? t('reply.overBudget', { budget: SMS_BUDGET }) : '';
    }
    area.addEventListener('input', update);
    var form = h('form', { class: 'reply' }, [
      area,
      h('div', { class: 'reply-bar' }, [info, detail, warn, send]),
    ]);
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      sendReply(ticket.id, area, update);
    });
    area.addEventListener('keydown', function (event) {
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        sendReply(ticket.id, area, update);
      }
    });
    update();
    return form;
  }

  function sendReply(id, area, update) {
    var text = area.value.trim();
    if (!text) return;
    area.disabled = true;
    api('POST', '/api/handoffs/' + id + '/messages', { text: text }).then(function (res) {
      area.disabled = false;
      if (!res.ok) {
        explain(res);
        return;
      }
      area.value = '';
      update();
      var status = res.data && res.data.deliveryStatus;
      if (status === 'held' || status === 'refused') toast(t('ticket.delivery.' + status), true);
      else toast(t('reply.sent'));
      loadTicket(id);
      area.focus();
    });
  }

  function claim(id) {
    api('POST', '/api/handoffs/' + id + '/claim').then(function (res) {
      if (res.ok) {
        var alert = { id: id, kind: 'info', code: 'claimed', text: t('ticket.claimed') };
        state.alert = alert;
        setTimeout(function () {
          if (state.alert === alert) {
            state.alert = null;
            if (pane) renderAlert();
          }
        }, 8000);
        state.ticket = res.data;
        state.tab = 'mine';
        renderTicket();
        loadQueue();
        var area = $('reply-text');
        if (area) area.focus();
        return;
      }
      if (res.status === 409) {
        // Lost the race: say who won, and show the ticket as it now is.
        api('GET', '/api/handoffs/' + id).then(function (detail) {
          var email = detail.ok && detail.data.claimedBy ? detail.data.claimedBy.email : null;
          var text = email ? t('ticket.claimLost', { email: email }) : t('ticket.claimLostUnknown');
          state.alert = { id: id, kind: 'error', code: 'claim-lost', text: text };
          if (detail.ok) state.ticket = detail.data;
          renderTicket();
          loadQueue();
        });
        return;
      }
      explain(res);
    });
  }

  function release(id) {
    api('POST', '/api/handoffs/' + id + '/release').then(function (res) {
      if (!res.ok) {
        explain(res);
        return;
      }
      state.alert = null;
      toast(t('ticket.released'));
      loadTicket(id);
      loadQueue();
    });
  }

  function openClose(ticket) {
    var select = clear($('close-outcome'));
    OUTCOMES.forEach(function (o) {
      select.appendChild(h('option', { value: o, text: t('outcomes.' + o) }));
    });
    $('close-note').value = '';
    $('close-dialog').setAttribute('data-id', ticket.id);
    $('close-dialog').showModal();
  }
  $('close-cancel').addEventListener('click', function () {
    $('close-dialog').close();
  });
  $('close-form').addEventListener('submit', function (event) {
    event.preventDefault();
    var id = $('close-dialog').getAttribute('data-id');
    var body = { outcome: $('close-outcome').value };
    var note = $('close-note').value.trim();
    if (note) body.note = note;
    api('POST', '/api/handoffs/' + id + '/close', body).then(function (res) {
      $('close-dialog').close();
      if (!res.ok) {
        explain(res);
        return;
      }
      state.alert = null;
      delete state.drafts[id];
      toast(t('ticket.closed'));
      loadTicket(id);
      loadQueue();
    });
  });

  function openTransfer(ticket) {
    var list = clear($('region-list'));
    state.regions.forEach(function (r) {
      list.appendChild(h('option', { value: r }));
    });
    $('transfer-region').value = '';
    $('transfer-user').value = '';
    $('transfer-dialog').setAttribute('data-id', ticket.id);
    $('transfer-dialog').showModal();
  }
  $('transfer-cancel').addEventListener('click', function () {
    $('transfer-dialog').close();
  });
  $('transfer-form').addEventListener('submit', function (event) {
    event.preventDefault();
    var id = $('transfer-dialog').getAttribute('data-id');
    var region = $('transfer-region').value.trim();
    var user = $('transfer-user').value.trim();
    var body = user ? { toUserId: user } : { toRegion: region };
    if (!user && !region) return;
    api('POST', '/api/handoffs/' + id + '/transfer', body).then(function (res) {
      $('transfer-dialog').close();
      if (!res.ok) {
        explain(res);
        return;
      }
      toast(t('ticket.transferred'));
      loadTicket(id);
      loadQueue();
    });
  });

  // ---------- referrals ----------
  function loadReferrals() {
    var filter = $('referral-filter');
    if (!filter.options.length || filter.getAttribute('data-lang') !== state.lang) {
      var current = filter.value;
      clear(filter).appendChild(h('option', { value: '', text: t('referrals.all') }));
      REFERRAL_STATUSES.forEach(function (s) {
        filter.appendChild(h('option', { value: s, text: t('referralStatus.' + s) }));
      });
      filter.value = current || '';
      filter.setAttribute('data-lang', state.lang);
    }
    var query = filter.value ? '?status=' + filter.value : '';
    api('GET', '/api/referrals' + query).then(function (res) {
      var rows = clear($('referral-rows'));
      if (!res.ok) {
        explain(res);
        return;
      }
      if (!res.data.length)
        rows.appendChild(
          h('tr', {}, [h('td', { class: 'empty', colspan: '7', text: t('referrals.empty') })]),
        );
      res.data.forEach(function (r) {
        var last = r.history && r.history.length ? r.history[r.history.length - 1].at : r.createdAt;
        var next = REFERRAL_NEXT[r.status] || [];
        var select = h(
          'select',
          { 'aria-label': t('referrals.change'), disabled: next.length ? null : true },
          [h('option', { value: '', text: '—' })].concat(
            next.map(function (s) {
              return h('option', { value: s, text: t('referralStatus.' + s) });
            }),
          ),
        );
        select.addEventListener('change', function () {
          if (!select.value) return;
          api('PATCH', '/api/referrals/' + r.id, { status: select.value }).then(function (patch) {
            if (patch.ok) toast(t('referrals.saved'));
            else explain(patch);
            loadReferrals();
          });
        });
        rows.appendChild(
          h('tr', { 'data-code': r.code }, [
            h('td', { class: 'code', text: r.code }),
            h('td', { text: t('needs.' + r.need) }),
            h('td', {}, [
              r.serviceName || r.serviceId,
              r.organization ? h('div', { class: 'muted', text: r.organization }) : null,
            ]),
            h('td', { text: r.region || '—' }),
            h('td', {}, [
              h('span', { class: 'status ' + r.status, text: t('referralStatus.' + r.status) }),
            ]),
            h('td', { text: dateTime(last) }),
            h('td', {}, [select]),
          ]),
        );
      });
    });
  }
  $('referral-filter').addEventListener('change', loadReferrals);

  // ---------- dashboard: plain SVG charts ----------
  function empty(el) {
    clear(el).appendChild(h('p', { class: 'note', text: t('dashboard.empty') }));
  }

  // Horizontal bars; each row may be split into coloured parts (stacked).
  function barChart(el, rows) {
    if (!rows.length) {
      empty(el);
      return;
    }
    var max =
      Math.max.apply(
        null,
        rows.map(function (r) {
          return r.total;
        }),
      ) || 1;
    var width = 560;
    var labelW = 130;
    var barW = width - labelW - 50;
    var rowH = 26;
    var chart = svg('svg', { viewBox: '0 0 ' + width + ' ' + rows.length * rowH, role: 'img' });
    rows.forEach(function (row, i) {
      var y = i * rowH;
      chart.appendChild(
        svg('text', { x: labelW - 8, y: y + 18, 'text-anchor': 'end', text: row.label }),
      );
      var x = labelW;
      row.parts.forEach(function (part) {
        var w = Math.max(part.value ? 2 : 0, (part.value / max) * barW);
        chart.appendChild(
          svg('rect', { x: x, y: y + 5, width: w, height: rowH - 10, rx: 3, fill: part.color }, [
            svg('title', { text: part.title + ': ' + part.value }),
          ]),
        );
        x += w;
      });
      chart.appendChild(
        svg('text', { x: x + 6, y: y + 18, class: 'axis', text: String(row.total) }),
      );
    });
    clear(el).appendChild(chart);
  }

  function columnChart(el, items, color) {
    if (
      !items.some(function (i) {
        return i.value > 0;
      })
    ) {
      empty(el);
      return;
    }
    var max =
      Math.max.apply(
        null,
        items.map(function (i) {
          return i.value;
        }),
      ) || 1;
    var width = 560;
    var height = 130;
    var slot = width / items.length;
    var chart = svg('svg', { viewBox: '0 0 ' + width + ' ' + height, role: 'img' });
    items.forEach(function (item, i) {
      var barH = (item.value / max) * (height - 46);
      var x = i * slot + slot * 0.2;
      chart.appendChild(
        svg('rect', {
          x: x,
          y: height - 24 - barH,
          width: slot * 0.6,
          height: barH,
          rx: 3,
          fill: item.color || color,
        }),
      );
      chart.appendChild(
        svg('text', {
          x: x + slot * 0.3,
          y: height - 30 - barH,
          'text-anchor': 'middle',
          text: String(item.value),
        }),
      );
      chart.appendChild(
        svg('text', {
          x: x + slot * 0.3,
          y: height - 6,
          'text-anchor': 'middle',
          class: 'axis',
          text: item.label,
        }),
      );
    });
    clear(el).appendChild(chart);
  }

  function loadDashboard() {
    api('GET', '/api/stats').then(function (res) {
      if (!res.ok) {
        explain(res);
        return;
      }
      var stats = res.data;
      var counts = stats.counts || {};
      clear($('kpis'));
      ['waiting', 'claimed', 'escalated', 'closed', 'referrals'].forEach(function (key) {
        $('kpis').appendChild(
          h(
            'div',
            { class: 'card kpi-tile' + (key === 'escalated' && counts[key] ? ' hot' : '') },
            [
              h('span', { class: 'kpi-value', 'data-kpi': key, text: String(counts[key] || 0) }),
              h('span', { class: 'kpi-label', text: t('dashboard.kpi.' + key) }),
            ],
          ),
        );
      });

      var needColor = {};
      var regions = {};
      (stats.needsByRegion || []).forEach(function (row) {
        var name = row.region === 'unknown' ? t('queue.noRegion') : row.region;
        regions[name] = regions[name] || { label: name, total: 0, byNeed: {} };
        regions[name].total += row.count;
        regions[name].byNeed[row.need] = (regions[name].byNeed[row.need] || 0) + row.count;
      });
      var regionRows = Object.keys(regions)
        .map(function (k) {
          return regions[k];
        })
        .sort(function (a, b) {
          return b.total - a.total;
        })
        .slice(0, 8);
      regionRows.forEach(function (r) {
        r.parts = Object.keys(r.byNeed)
          .sort()
          .map(function (need) {
            if (!needColor[need])
              needColor[need] = NEED_COLORS[Object.keys(needColor).length % NEED_COLORS.length];
            return { value: r.byNeed[need], color: needColor[need], title: t('needs.' + need) };
          });
      });
      var needsEl = $('chart-needs');
      barChart(needsEl, regionRows);
      if (regionRows.length) {
        needsEl.appendChild(
          h(
            'div',
            { class: 'legend' },
            Object.keys(needColor).map(function (need) {
              var swatch = h('i');
              swatch.style.background = needColor[need];
              return h('span', {}, [swatch, t('needs.' + need)]);
            }),
          ),
        );
      }

      var byStatus = stats.referralsByStatus || {};
      var statusColors = {
        proposed: '#b8c2cf',
        sent: '#5c9fc2',
        accepted: '#0b6e99',
        completed: '#2e7d32',
        declined: '#c62828',
        no_show: '#f5a524',
      };
      var referralRows = REFERRAL_STATUSES.map(function (s) {
        var value = byStatus[s] || 0;
        return {
          label: t('referralStatus.' + s),
          total: value,
          parts: [{ value: value, color: statusColors[s], title: t('referralStatus.' + s) }],
        };
      });
      var referralsEl = $('chart-referrals');
      if (
        referralRows.some(function (r) {
          return r.total > 0;
        })
      ) {
        barChart(referralsEl, referralRows);
        referralsEl.appendChild(
          h('p', {
            class: 'note',
            text: t('dashboard.total', {
              count: referralRows.reduce(function (a, r) {
                return a + r.total;
              }, 0),
            }),
          }),
        );
      } else empty(referralsEl);

      var first = stats.firstHumanReply || {};
      var firstEl = clear($('chart-first-reply'));
      if (first.samples) {
        firstEl.appendChild(
          h('p', { class: 'kpi', 'data-kpi': 'first-reply' }, [
            t('dashboard.median', { time: duration(first.medianMinutes) }),
            h('span', {
              class: 'note',
              text: ' ' + t('dashboard.count', { count: first.samples }),
            }),
          ]),
        );
        if (first.buckets && first.buckets.length) {
          var bucketsEl = h('div');
          firstEl.appendChild(bucketsEl);
          columnChart(
            bucketsEl,
            first.buckets.map(function (b) {
              return { label: b.bucket, value: b.count };
            }),
            '#0b6e99',
          );
        }
      } else empty(firstEl);

      columnChart(
        $('chart-open-age'),
        (stats.openTicketsByAge || []).map(function (b, i, all) {
          var heat = all.length > 1 ? i / (all.length - 1) : 0;
          return {
            label: b.bucket,
            value: b.count,
            color: heat > 0.66 ? '#c62828' : heat > 0.33 ? '#f5a524' : '#0b6e99',
          };
        }),
        '#0b6e99',
      );
    });
  }

  // ---------- accounts (admins) ----------
  var ROLES = ['caseworker', 'supervisor', 'admin'];

  function loadRegions() {
    if (state.regions.length) return;
    api('GET', '/api/regions').then(function (res) {
      if (res.ok) state.regions = res.data;
    });
  }

  function loadUsers() {
    api('GET', '/api/users').then(function (res) {
      var rows = clear($('user-rows'));
      if (!res.ok) {
        explain(res);
        return;
      }
      res.data.forEach(function (u) {
        var regions = u.regions.length
          ? u.regions.map(function (r) {
              return h('span', { class: 'chip plain', text: r });
            })
          : [u.role === 'caseworker' ? '—' : t('users.allRegions')];
        rows.appendChild(
          h('tr', { class: u.active ? '' : 'inactive', 'data-email': u.email }, [
            h('td', { text: u.email }),
            h('td', { text: t('roles.' + u.role) }),
            h('td', {}, regions),
            h('td', {}, [
              h('span', {
                class: 'status ' + (u.active ? 'completed' : 'declined'),
                text: t(u.active ? 'users.active' : 'users.inactive'),
              }),
            ]),
            h('td', { text: dateTime(u.createdAt) }),
            h('td', {}, [
              h('button', {
                type: 'button',
                class: 'btn small',
                text: t('users.editButton'),
                onclick: function () {
                  openUser(u);
                },
              }),
              ' ',
              h('button', {
                type: 'button',
                class: 'btn small' + (u.active ? ' danger' : ''),
                'data-action': 'toggle-active',
                text: t(u.active ? 'users.deactivate' : 'users.activate'),
                onclick: function () {
                  saveUser(u, { active: !u.active });
                },
              }),
            ]),
          ]),
        );
      });
    });
  }

  function openUser(user) {
    var dialog = $('user-dialog');
    dialog.userId = user ? user.id : null;
    $('user-dialog-title').textContent = t(user ? 'users.edit' : 'users.new');
    $('user-password-label').textContent = t(user ? 'users.passwordKeep' : 'users.password');
    $('user-email').value = user ? user.email : '';
    $('user-email').disabled = !!user;
    $('user-password').value = '';
    var role = clear($('user-role'));
    ROLES.forEach(function (r) {
      role.appendChild(h('option', { value: r, text: t('roles.' + r) }));
    });
    role.value = user ? user.role : 'caseworker';
    var grid = clear($('user-regions'));
    state.regions.forEach(function (r) {
      var box = h('input', { type: 'checkbox', value: r });
      box.checked = !!user && user.regions.indexOf(r) >= 0;
      grid.appendChild(h('label', {}, [box, r]));
    });
    $('user-error').hidden = true;
    dialog.showModal();
  }

  function saveUser(user, body) {
    return api(user ? 'PATCH' : 'POST', user ? '/api/users/' + user.id : '/api/users', body).then(
      function (res) {
        if (res.ok) {
          toast(t('users.saved'));
          loadUsers();
          return true;
        }
        var code = res.data && res.data.code;
        var key =
          code === 'EMAIL_TAKEN'
            ? 'users.emailTaken'
            : code === 'LAST_ADMIN'
              ? 'users.lastAdmin'
              : res.status === 400
                ? 'users.invalid'
                : null;
        if (!key) {
          explain(res);
          return false;
        }
        if ($('user-dialog').open) {
          $('user-error').hidden = false;
          $('user-error').textContent = t(key);
        } else toast(t(key), true);
        return false;
      },
    );
  }

  $('user-new').addEventListener('click', function () {
    openUser(null);
  });
  $('user-cancel').addEventListener('click', function () {
    $('user-dialog').close();
  });
  $('user-form').addEventListener('submit', function (event) {
    event.preventDefault();
    var dialog = $('user-dialog');
    var body = {
      role: $('user-role').value,
      regions: Array.prototype.filter
        .call($('user-regions').querySelectorAll('input'), function (b) {
          return b.checked;
        })
        .map(function (b) {
          return b.value;
        }),
    };
    var password = $('user-password').value;
    if (password) body.password = password;
    if (!dialog.userId) body.email = $('user-email').value.trim();
    saveUser(dialog.userId ? { id: dialog.userId } : null, body).then(function (ok) {
      if (ok) dialog.close();
    });
  });

  // ---------- boot ----------
  $('lang').addEventListener('change', function () {
    var lang = $('lang').value;
    localStorage.setItem('sira.lang', lang);
    loadStrings(lang).then(function () {
      if (!state.user) {
        showLogin();
        return;
      }
      $('who').textContent = state.user.email + ' · ' + t('roles.' + state.user.role);
      setLive(state.live === 'off' ? 'offline' : state.live);
      renderQueue();
      renderUrgency();
      renderTicket();
      if (state.view === 'referrals') loadReferrals();
      if (state.view === 'dashboard') loadDashboard();
      if (state.view === 'users') loadUsers();
    });
  });

  loadStrings(['fr', 'en', 'bm'].indexOf(state.lang) >= 0 ? state.lang : 'fr')
    .then(refresh)
    .then(function (ok) {
      if (ok) startSession();
      else showLogin();
    });
})();
