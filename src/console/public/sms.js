// SMS segment counting for the reply box. Same rules as the server (src/channels/sms-text.ts):
// text is folded to GSM-7 first; GSM-7 = 160 septets (153 per part), else UCS-2 = 70 units (67 per part).
(function (root) {
  'use strict';
  var GSM7_BASIC =
    '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
    '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
  var GSM7_EXTENSION = '^{}\\[~]|€\f';
  var BASIC = new Set(Array.from(GSM7_BASIC));
  var EXT = new Set(Array.from(GSM7_EXTENSION));
  var FOLD = {
    '\u2019': "'",
    '\u2018': "'",
    '\u02bc': "'",
    '\u00b4': "'",
    '`': "'",
    '\u00ab': '"',
    '\u00bb': '"',
    '\u201c': '"',
    '\u201d': '"',
    '\u201e': '"',
    '\u2013': '-',
    '\u2014': '-',
    '\u2011': '-',
    '\u2026': '...',
    '\u2022': '-',
    '\u00a0': ' ',
    '\u202f': ' ',
    '\u2009': ' ',
    '\t': ' ',
    '\u0153': 'oe',
    '\u0152': 'OE',
    '\u00e6': 'ae',
    '\u00e7': 'c',
    '\u025b': 'e',
    '\u0190': 'E',
    '\u0254': 'o',
    '\u0186': 'O',
    '\u0272': 'ny',
    '\u019d': 'Ny',
    '\u014b': 'ng',
    '\u014a': 'Ng',
  };

  function isGsmChar(c) {
    return BASIC.has(c) || EXT.has(c);
  }

  function isGsm7(text) {
    return Array.from(text).every(isGsmChar);
  }

  function toGsm7(text) {
    var out = '';
    Array.from(text.normalize('NFC')).forEach(function (c) {
      if (isGsmChar(c)) out += c;
      else if (FOLD[c] !== undefined) out += FOLD[c];
      else {
        var bare = c.normalize('NFD').replace(/\p{M}/gu, '');
        var folded = Array.from(bare)
          .map(function (b) {
            return FOLD[b] !== undefined ? FOLD[b] : b;
          })
          .join('');
        out += folded && isGsm7(folded) ? folded : bare;
      }
    });
    return out;
  }

  // Greedy packing that never splits an escape pair or a surrogate pair across parts.
  function pack(costs, single, multi) {
    var total = costs.reduce(function (a, b) {
      return a + b;
    }, 0);
    if (total === 0) return 0;
    if (total <= single) return 1;
    var parts = 1;
    var used = 0;
    costs.forEach(function (cost) {
      if (used + cost > multi) {
        parts++;
        used = 0;
      }
      used += cost;
    });
    return parts;
  }

  function count(text) {
    var folded = toGsm7(text);
    var chars = Array.from(folded);
    if (chars.every(isGsmChar)) {
      var septets = chars.map(function (c) {
        return EXT.has(c) ? 2 : 1;
      });
      return {
        encoding: 'GSM-7',
        segments: pack(septets, 160, 153),
        length: chars.length,
        folded: folded,
      };
    }
    var units = chars.map(function (c) {
      return c.length;
    });
    return {
      encoding: 'UCS-2',
      segments: pack(units, 70, 67),
      length: chars.length,
      folded: folded,
    };
  }

  root.SiraSms = { toGsm7: toGsm7, isGsm7: isGsm7, count: count };
})(typeof window !== 'undefined' ? window : globalThis);
