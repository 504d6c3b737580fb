// Sira phone simulator: sends through /simulator/api/send (signed server-side, posted to the
// real webhook) and shows inline TwiML replies plus anything the outbox holds for the number.
(function () {
  'use strict';
  var strings = {};
  var shownOutbox = {};
  var el = function (id) {
    return document.getElementById(id);
  };

  function t(key) {
    return strings[key] || key;
  }

  function add(kind, text, note) {
    var bubble = document.createElement('div');
    bubble.className = 'msg ' + kind;
    bubble.textContent = text;
    if (note) {
      var small = document.createElement('small');
      small.textContent = note;
      bubble.appendChild(small);
    }
    el('log').appendChild(bubble);
    el('log').scrollTop = el('log').scrollHeight;
    return bubble;
  }

  function applyStrings() {
    document.querySelectorAll('[data-i18n]').forEach(function (node) {
      node.textContent = t(node.dataset.i18n);
    });
    document.querySelectorAll('[data-i18n-placeholder]').forEach(function (node) {
      node.placeholder = t(node.dataset.i18nPlaceholder);
      node.setAttribute('aria-label', t(node.dataset.i18nLabel));
    });
    document.title = t('title');
  }

  function replies(twiml) {
    var doc = new DOMParser().parseFromString(twiml, 'text/xml');
    return Array.prototype.map.call(doc.getElementsByTagName('Message'), function (m) {
      return m.textContent;
    });
  }

  function send(event) {
    event.preventDefault();
    var text = el('text').value.trim();
    if (!text) return;
    el('text').value = '';
    add('in', text);
    fetch('/simulator/api/send', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ channel: el('channel').value, phone: el('phone').value, text: text }),
    })
      .then(function (res) {
        return res.ok ? res.json() : Promise.reject(res.status);
      })
      .then(function (result) {
        if (result.status !== 200) throw result.status;
        replies(result.twiml).forEach(function (reply) {
          add('out', reply, el('channel').value + ' · ' + t('inline')).dataset.source = 'inline';
        });
      })
      .catch(function () {
        add('out error', t('error'));
      });
  }

  function poll() {
    var phone = el('phone').value.trim();
    if (!phone) return;
    fetch('/simulator/api/messages?phone=' + encodeURIComponent(phone))
      .then(function (res) {
        return res.ok ? res.json() : [];
      })
      .then(function (messages) {
        messages.forEach(function (m) {
          var note =
            m.channel +
            ' · ' +
            t('outbox') +
            ' · ' +
            m.status +
            (m.reason ? ' (' + m.reason + ')' : '');
          var existing = shownOutbox[m.id];
          if (existing) {
            existing.querySelector('small').textContent = note;
            return;
          }
          shownOutbox[m.id] = add('out', m.text, note);
          shownOutbox[m.id].dataset.source = 'outbox';
        });
      })
      .catch(function () {
        /* next poll retries */
      });
  }

  var lng =
    new URLSearchParams(location.search).get('lng') || (navigator.language || 'fr').slice(0, 2);
  fetch('/simulator/api/strings?lng=' + encodeURIComponent(lng))
    .then(function (res) {
      return res.json();
    })
    .then(function (body) {
      strings = body.strings;
      document.documentElement.lang = body.lang;
      applyStrings();
    });
  el('composer').addEventListener('submit', send);
  el('phone').addEventListener('change', function () {
    shownOutbox = {};
    el('log').textContent = '';
  });
  setInterval(poll, 2000);
})();
