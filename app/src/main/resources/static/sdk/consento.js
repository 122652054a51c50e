/*! Consento web SDK 1.0 — consent banner and settings for retail websites (PIPL). Plain JavaScript, no build step.
 *
 *   <script src="https://consent.example.cn/sdk/consento.js"></script>
 *   <script>
 *     consento.init({key: 'csk_…', lang: 'zh-CN', subject: {member: 'M123'}});   // subject optional: a device id is used
 *     consento.on('change', function (e) { if (consento.has('personalization')) { … } });
 *   </script>
 *
 * Rules it keeps: nothing is checked until the visitor acts (APP-III.4); "accept", "reject" and "choose" are equally
 * prominent; "accept" grants only optional purposes that do not need separate consent, and each separate-consent
 * purpose is its own switch recorded as its own act (BUNDLE-1, SEP-0); the Global Privacy Control signal withdraws
 * share.* and ads.* purposes (evidence method "gpc"); Google Consent Mode v2 follows the choices when gtag exists.
 * Choices are recorded through POST /api/v1/consent-events with a public site key (scope consent:write, origins
 * listed on the key) and remembered in localStorage, so consento.has() answers at once.
 */
(function (w, d) {
  'use strict';
  if (w.consento && w.consento.version) { return; }
  var VERSION = '1.0.0';
  var STORAGE = 'consento.v1';
  var DAY = 864e5;
  var script = d.currentScript;
  var TEXT = {
    'zh-CN': {
      title: '您的隐私选择',
      text: '我们只使用完成订单所必需的个人信息为您提供服务。以下可选用途需要您的同意：您可以同意、拒绝或逐项设置，拒绝不影响购物。' +
        '“同意”不包括需要单独同意的事项（例如向第三方提供），这些事项需要您在“设置”中逐项开启。',
      accept: '同意', reject: '拒绝', settings: '设置',
      settingsTitle: '隐私设置',
      settingsText: '每个开关在您操作时即记录并生效，您可以随时更改或撤回。',
      optional: '可选用途', separate: '需要单独同意的事项',
      separateHint: '以下每一项都需要您单独开启，不会因为“同意”而开启。',
      necessary: '必要处理（基于合同，无需同意）', done: '保存并关闭', close: '关闭', notice: '隐私政策',
      recipients: '接收方：', gpc: '已根据您浏览器的“全局隐私控制”(GPC) 信号关闭。', error: '未能保存，请稍后重试。',
      channels: {sms: '短信', email: '电子邮件', push: '推送通知', wechat: '微信', phone: '电话', mail: '邮寄', in_app: '应用内消息'}
    },
    en: {
      title: 'Your privacy choices',
      text: 'We use the personal information needed to fulfil your orders. The optional purposes below need your consent: ' +
        'accept, reject or choose one by one; rejecting never stops you from shopping. "Accept" does not include ' +
        'purposes that need separate consent (such as sharing with others): switch each of those on under "Choose".',
      accept: 'Accept', reject: 'Reject', settings: 'Choose',
      settingsTitle: 'Privacy settings',
      settingsText: 'Each switch is recorded and takes effect when you use it; you can change or withdraw any time.',
      optional: 'Optional purposes', separate: 'Purposes that need separate consent',
      separateHint: 'Each of these needs its own switch; "Accept" never turns them on.',
      necessary: 'Necessary processing (contract, no consent needed)', done: 'Save and close', close: 'Close',
      notice: 'Privacy notice', recipients: 'Recipients: ',
      gpc: 'Turned off because your browser sends the Global Privacy Control (GPC) signal.',
      error: 'Could not save; please try again later.',
      channels: {sms: 'SMS', email: 'e-mail', push: 'push', wechat: 'WeChat', phone: 'phone', mail: 'post', in_app: 'in-app'}
    }
  };
  var DEFAULT_MODE = {
    ad_storage: ['ads.*'], ad_user_data: ['ads.*'], ad_personalization: ['ads.*'],
    analytics_storage: ['analytics', 'browsing_history']
  };
  var CSS = '.csn{font:15px/1.5 system-ui,-apple-system,"PingFang SC","Microsoft YaHei",sans-serif;color:#1a1a1a;text-align:left}' +
    '.csn *{box-sizing:border-box}' +
    '#consento-banner{position:fixed;left:0;right:0;bottom:0;z-index:2147483000;background:#fff;border-top:1px solid #bbb;' +
    'box-shadow:0 -2px 12px rgba(0,0,0,.18);padding:16px}' +
    '.csn-in{max-width:960px;margin:0 auto}.csn h2{font-size:17px;margin:0 0 6px}.csn p{margin:0 0 12px}' +
    '.csn-acts{display:flex;flex-wrap:wrap;gap:8px}' +
    '.csn-btn{flex:1 1 0;min-width:90px;min-height:44px;padding:8px 12px;font:inherit;font-weight:600;color:#fff;' +
    'background:#1f3a5f;border:2px solid #1f3a5f;border-radius:6px;cursor:pointer}' +
    '.csn button:focus-visible,.csn input:focus-visible,.csn a:focus-visible{outline:3px solid #f59e0b;outline-offset:2px}' +
    '#consento-settings{position:fixed;top:0;left:0;right:0;bottom:0;z-index:2147483001;background:rgba(0,0,0,.45);' +
    'display:flex;align-items:flex-end;justify-content:center}' +
    '.csn-box{background:#fff;width:100%;max-width:560px;max-height:92vh;overflow:auto;border-radius:10px 10px 0 0;padding:16px}' +
    '@media(min-width:600px){#consento-settings{align-items:center}.csn-box{border-radius:10px}}' +
    '.csn-row{display:flex;gap:10px;align-items:flex-start;padding:10px 0;border-top:1px solid #e5e5e5;cursor:pointer}' +
    '.csn-row input{width:22px;height:22px;margin:2px 0 0;flex:none}.csn-row b{display:block}' +
    '.csn-row small,.csn-note{display:block;color:#4b4b4b;font-size:13px}.csn h3{font-size:15px;margin:16px 0 4px}' +
    '.csn-x{float:right;background:none;border:0;font-size:24px;line-height:1;min-width:44px;min-height:44px;cursor:pointer;color:#1a1a1a}' +
    '.csn-err{color:#b91c1c;min-height:1em}.csn a{color:#1d4ed8}';

  var opts = null, cfg = null, controls = [], isReady = false, offset = 0, lastAt = 0, memory = {};
  var banner = null, dialog = null, opener = null;
  var listeners = {change: [], ready: []};
  var state = load();

  function load() {
    try {
      var s = JSON.parse(w.localStorage.getItem(STORAGE) || '{}');
      return s && typeof s === 'object' ? s : {};
    } catch (e) { return memory; }
  }
  function save() {
    memory = state;
    try { w.localStorage.setItem(STORAGE, JSON.stringify(state)); } catch (e) { /* private mode: memory only */ }
  }
  function random() {
    var b = new Uint8Array(16), i, s = '';
    (w.crypto || w.msCrypto).getRandomValues(b);
    for (i = 0; i < 16; i++) { s += (b[i] < 16 ? '0' : '') + b[i].toString(16); }
    return s;
  }
  function deviceId() {
    if (!state.device) { state.device = 'web-' + random(); save(); }
    return state.device;
  }
  function identifiers() {
    var s = (opts && opts.subject) || {}, ids = [];
    ['member', 'phone', 'email', 'wechat_openid', 'wechat_unionid', 'alipay_uid'].forEach(function (t) {
      if (s[t]) { ids.push({type: t, value: String(s[t])}); }
    });
    if (!ids.length) { ids.push({type: 'device', value: String(s.device || deviceId())}); }
    return ids;
  }
  function fnv(text) {
    var h = 0x811c9dc5, i;
    for (i = 0; i < text.length; i++) { h ^= text.charCodeAt(i); h = Math.imul(h, 16777619) >>> 0; }
    return h.toString(16);
  }
  /** The stored choices of the current subject: c = key -> {a: action, n: notice, t: capturedAt}, g = GPC done. */
  function slot() {
    var k = fnv(JSON.stringify(identifiers()));
    state.s = state.s || {};
    return state.s[k] || (state.s[k] = {c: {}, g: {}});
  }
  function now() { return Date.now() + offset; }
  function lang() {
    var l = (opts && opts.lang) || d.documentElement.lang || (w.navigator && navigator.language) || 'zh-CN';
    return /^en/i.test(l) ? 'en' : 'zh-CN';
  }
  function t() { return TEXT[lang()]; }
  function purpose(code) {
    var i, ps = cfg ? cfg.purposes : [];
    for (i = 0; i < ps.length; i++) { if (ps[i].code === code) { return ps[i]; } }
    return null;
  }
  function keyOf(code, channel) { return channel ? code + ':' + channel : code; }
  /** A grant that still stands: not expired, and not given under a notice that a material change outdated. */
  function live(choice, code) {
    if (!choice || choice.a !== 'GRANT') { return false; }
    var p = purpose(code);
    if (p) {
      if (p.validityDays > 0 && choice.t + p.validityDays * DAY <= now()) { return false; }
      if (p.reconsentFrom && cfg.notices.indexOf(choice.n) < cfg.notices.indexOf(p.reconsentFrom)) { return false; }
    }
    return true;
  }
  function decided(choice, code) { return !!choice && (choice.a !== 'GRANT' || live(choice, code)); }

  function has(code, channel) {
    var c = slot().c, k, p = purpose(code);
    if (p && !p.optional) { return true; }
    if (channel) { return live(c[keyOf(code, channel)], code); }
    if (live(c[code], code)) { return true; }
    for (k in c) {
      if (Object.prototype.hasOwnProperty.call(c, k) && k.indexOf(code + ':') === 0 && live(c[k], code)) { return true; }
    }
    return false;
  }
  function choices() {
    var out = {}, c = slot().c, k;
    controls.forEach(function (x) { out[x.key] = false; });
    for (k in c) { if (Object.prototype.hasOwnProperty.call(c, k)) { out[k] = live(c[k], k.split(':')[0]); } }
    return out;
  }

  function buildControls() {
    var filter = opts.purposes;
    controls = [];
    cfg.purposes.forEach(function (p) {
      if (!p.optional || !p.notice) { return; }
      (p.channels.length ? p.channels : [null]).forEach(function (ch) {
        if (filter && filter.indexOf(p.code) < 0 && !(ch && filter.indexOf(p.code + ':' + ch) >= 0)) { return; }
        controls.push({key: keyOf(p.code, ch), purpose: p.code, channel: ch, separate: !!p.separateConsent, p: p});
      });
    });
  }
  function label(c) {
    var name = (c.p.name && (c.p.name[lang()] || c.p.name['zh-CN'])) || c.purpose;
    return c.channel ? name + ' · ' + (t().channels[c.channel] || c.channel) : name;
  }
  function uuid() {
    var h = random();
    return h.slice(0, 8) + '-' + h.slice(8, 12) + '-4' + h.slice(13, 16) + '-a' + h.slice(17, 20) + '-' + h.slice(20);
  }
  function sha256(text) {
    try {
      if (!text || !w.crypto || !w.crypto.subtle || !w.TextEncoder) { return Promise.resolve(null); }
      return w.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)).then(function (b) {
        return Array.prototype.map.call(new Uint8Array(b), function (x) { return (x < 16 ? '0' : '') + x.toString(16); }).join('');
      }, function () { return null; });
    } catch (e) { return Promise.resolve(null); }
  }

  /** Records one act: every item shares one capturedAt, and every act gets its own, later one. */
  function record(items, method, uiText) {
    if (!items.length) { return Promise.resolve([]); }
    var at = Math.max(now(), lastAt + 1);
    lastAt = at;
    var ids = identifiers();
    return sha256(uiText).then(function (hash) {
      var evidence = {method: method, userAgent: String(navigator.userAgent).slice(0, 500),
        page: location.origin + location.pathname, language: lang(), sdk: VERSION};
      if (hash) { evidence.uiTextHash = hash; }
      var events = items.map(function (it) {
        var e = {subject: {identifiers: ids}, purpose: it.c.purpose, action: it.a, touchpoint: 'WEB',
          capturedAt: new Date(at).toISOString(), evidence: evidence};
        if (it.c.channel) { e.channel = it.c.channel; }
        if (it.c.p.notice) { e.noticeVersion = it.c.p.notice; }
        return e;
      });
      return fetch(opts.endpoint + '/api/v1/consent-events', {method: 'POST', mode: 'cors', credentials: 'omit',
        headers: {'Authorization': 'Bearer ' + opts.key, 'Content-Type': 'application/json', 'Idempotency-Key': uuid()},
        body: JSON.stringify({events: events})});
    }).then(function (r) {
      if (!r.ok) { throw new Error('consento: recording failed with HTTP ' + r.status); }
      var s = slot();
      items.forEach(function (it) { s.c[it.c.key] = {a: it.a, n: it.c.p.notice, t: at}; });
      save();
      emit('change', method);
      return items;
    });
  }
  function stored(c) { return slot().c[c.key]; }
  function negative(c) { var s = stored(c); return {c: c, a: s && s.a === 'GRANT' ? 'WITHDRAW' : 'DENY'}; }

  /** BUNDLE-1: grants the optional purposes that do not need separate consent, and nothing else. */
  function accept(method) {
    return record(controls.filter(function (c) { return !c.separate && !live(stored(c), c.purpose); })
      .map(function (c) { return {c: c, a: 'GRANT'}; }), method, t().text).then(finish);
  }
  function reject(method) {
    return record(controls.filter(function (c) { var s = stored(c); return !s || s.a === 'GRANT'; }).map(negative),
      method, t().text).then(finish);
  }
  /** "Save": what the visitor left undecided among the ordinary purposes is refused; separate ones stay unasked. */
  function saveSettings() {
    return record(controls.filter(function (c) { return !c.separate && !decided(stored(c), c.purpose); }).map(negative),
      'settings-save', t().settingsText).then(finish);
  }
  function finish() {
    slot().b = 1;
    save();
    hideBanner();
    closeSettings();
  }
  function toggle(c, input) {
    var s = stored(c);
    var action = input.checked ? 'GRANT' : (s && s.a === 'GRANT' ? 'WITHDRAW' : 'DENY');
    input.disabled = true;
    setError('');
    return record([{c: c, a: action}], c.separate ? 'separate-consent' : 'toggle', label(c)).then(function () {
      input.disabled = false;
    }, function (e) {
      input.disabled = false;
      input.checked = !input.checked;
      fail(e);
    });
  }
  /** Global Privacy Control: a withdrawal of sale and sharing (share.*, ads.*), recorded once per key as "gpc". */
  function honourGpc() {
    if (!w.navigator || navigator.globalPrivacyControl !== true) { return Promise.resolve(); }
    var g = slot().g;
    var items = controls.filter(function (c) { return /^(share|ads)\./.test(c.purpose) && !g[c.key]; })
      .map(function (c) { return {c: c, a: 'WITHDRAW'}; });
    return record(items, 'gpc', 'Sec-GPC: 1').then(function () {
      items.forEach(function (it) { slot().g[it.c.key] = 1; });
      save();
    });
  }
  function gpcApplies(c) { return !!slot().g[c.key] && stored(c) && stored(c).a !== 'GRANT'; }

  function consentMode() {
    if (typeof w.gtag !== 'function') { return; }
    var map = (opts && opts.consentMode) || DEFAULT_MODE, out = {}, c = slot().c;
    Object.keys(map).forEach(function (signal) {
      out[signal] = map[signal].some(function (pattern) {
        if (pattern.slice(-2) !== '.*') { return has(pattern); }
        var prefix = pattern.slice(0, -1);
        return Object.keys(c).some(function (k) { return k.indexOf(prefix) === 0 && live(c[k], k.split(':')[0]); });
      }) ? 'granted' : 'denied';
    });
    w.gtag('consent', 'update', out);
  }
  function emit(type, source) {
    consentMode();
    var detail = {choices: choices(), source: source || null};
    (listeners[type] || []).slice().forEach(function (fn) {
      try { fn(detail); } catch (e) { if (w.console) { console.error(e); } }
    });
    try { d.dispatchEvent(new CustomEvent('consento:' + type, {detail: detail})); } catch (e) { /* very old browser */ }
    if (type === 'change') {
      refreshInputs();
      if (banner && !needsBanner()) { hideBanner(); }
    }
  }
  function on(type, fn) {
    if (!listeners[type]) { throw new Error('consento.on: unknown event ' + type); }
    listeners[type].push(fn);
    if (type === 'ready' && isReady) { fn({choices: choices(), source: null}); }
    return function () { listeners[type] = listeners[type].filter(function (f) { return f !== fn; }); };
  }
  function warn(e) { if (w.console) { console.warn(e && e.message ? e.message : e); } }
  function fail(e) { warn(e); setError(t().error); }

  // ---- user interface ----
  function el(tag, attrs, kids) {
    var n = d.createElement(tag), k;
    for (k in attrs || {}) {
      if (k === 'text') { n.textContent = attrs[k]; } else if (attrs[k] != null) { n.setAttribute(k, attrs[k]); }
    }
    (kids || []).forEach(function (c) { if (c) { n.appendChild(typeof c === 'string' ? d.createTextNode(c) : c); } });
    return n;
  }
  function style() {
    if (d.getElementById('consento-style')) { return; }
    d.head.appendChild(el('style', {id: 'consento-style', text: CSS}));
  }
  function button(action, text) {
    var b = el('button', {type: 'button', 'class': 'csn-btn', 'data-action': action, text: text});
    b.addEventListener('click', function () { act(action, b); });
    return b;
  }
  function act(action, b) {
    setError('');
    if (action === 'settings') { opener = b; openSettings(); return; }
    var run = action === 'accept' ? accept : action === 'reject' ? reject : action === 'save' ? saveSettings : null;
    if (!run) { closeSettings(); return; }
    var from = dialog && dialog.contains(b) ? 'settings-' : 'banner-';
    b.disabled = true;
    run(action === 'save' ? 'settings-save' : from + action).then(function () { b.disabled = false; },
      function (e) { b.disabled = false; fail(e); });
  }
  function noticeLine() {
    var n = cfg && cfg.notice;
    if (!n) { return null; }
    return el('p', {'class': 'csn-note'}, [n.url ? el('a', {href: n.url, target: '_blank', rel: 'noopener', text: t().notice})
      : t().notice, ' ' + n.version]);
  }
  function needsBanner() {
    var ordinary = controls.filter(function (c) { return !c.separate; });
    if (!controls.length) { return false; }
    if (!ordinary.length) { return !slot().b; }
    return ordinary.some(function (c) { return !decided(stored(c), c.purpose); });
  }
  function showBanner() {
    if (banner || !cfg) { return; }
    style();
    banner = el('div', {id: 'consento-banner', 'class': 'csn', role: 'region', 'aria-labelledby': 'csn-bt', lang: lang()}, [
      el('div', {'class': 'csn-in'}, [
        el('h2', {id: 'csn-bt', text: t().title}),
        el('p', {text: t().text}),
        noticeLine(),
        el('p', {'class': 'csn-err', role: 'status', 'aria-live': 'polite'}),
        el('div', {'class': 'csn-acts'}, [button('accept', t().accept), button('reject', t().reject),
          button('settings', t().settings)])
      ])
    ]);
    d.body.appendChild(banner);
  }
  function hideBanner() { if (banner) { banner.parentNode.removeChild(banner); banner = null; } }
  function row(c) {
    var input = el('input', {type: 'checkbox', 'data-purpose': c.purpose, 'data-channel': c.channel});
    input.checked = live(stored(c), c.purpose);
    input.addEventListener('change', function () { toggle(c, input); });
    var desc = c.p.description && (c.p.description[lang()] || c.p.description['zh-CN']);
    return el('label', {'class': 'csn-row'}, [input, el('span', {}, [
      el('b', {text: label(c)}),
      desc ? el('small', {text: desc}) : null,
      c.p.recipients && c.p.recipients.length ? el('small', {text: t().recipients + c.p.recipients.join('；')}) : null,
      gpcApplies(c) ? el('small', {text: t().gpc}) : null
    ])]);
  }
  function openSettings() {
    if (!cfg) { return; }
    closeSettings();
    style();
    var ordinary = controls.filter(function (c) { return !c.separate; });
    var separate = controls.filter(function (c) { return c.separate; });
    var filter = opts.purposes;
    var necessary = cfg.purposes.filter(function (p) { return !p.optional && (!filter || filter.indexOf(p.code) >= 0); });
    var close = el('button', {type: 'button', 'class': 'csn-x', 'data-action': 'close', 'aria-label': t().close, text: '×'});
    close.addEventListener('click', closeSettings);
    dialog = el('div', {id: 'consento-settings', 'class': 'csn', lang: lang()}, [
      el('div', {'class': 'csn-box', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'csn-st'}, [
        close,
        el('h2', {id: 'csn-st', text: t().settingsTitle}),
        el('p', {'class': 'csn-note', text: t().settingsText}),
        noticeLine(),
        ordinary.length ? el('section', {}, [el('h3', {text: t().optional})].concat(ordinary.map(row))) : null,
        separate.length ? el('section', {'data-group': 'separate'}, [el('h3', {text: t().separate}),
          el('p', {'class': 'csn-note', text: t().separateHint})].concat(separate.map(row))) : null,
        necessary.length ? el('section', {}, [el('h3', {text: t().necessary}), el('ul', {}, necessary.map(function (p) {
          return el('li', {text: (p.name && (p.name[lang()] || p.name['zh-CN'])) || p.code});
        }))]) : null,
        el('p', {'class': 'csn-err', role: 'status', 'aria-live': 'polite'}),
        el('div', {'class': 'csn-acts'}, [button('accept', t().accept), button('reject', t().reject),
          button('save', t().done)])
      ])
    ]);
    dialog.addEventListener('keydown', function (e) { if (e.key === 'Escape') { closeSettings(); } });
    dialog.addEventListener('click', function (e) { if (e.target === dialog) { closeSettings(); } });
    d.body.appendChild(dialog);
    (dialog.querySelector('input') || close).focus();
  }
  function closeSettings() {
    if (!dialog) { return; }
    dialog.parentNode.removeChild(dialog);
    dialog = null;
    if (opener && opener.isConnected) { opener.focus(); }
    opener = null;
  }
  function refreshInputs() {
    if (!dialog) { return; }
    controls.forEach(function (c) {
      var input = dialog.querySelector('input[data-purpose="' + c.purpose + '"]' +
        (c.channel ? '[data-channel="' + c.channel + '"]' : ':not([data-channel])'));
      if (input && !input.disabled) { input.checked = live(stored(c), c.purpose); }
    });
  }
  function setError(text) {
    [banner, dialog].forEach(function (n) {
      var e = n && n.querySelector('.csn-err');
      if (e) { e.textContent = text; }
    });
  }
  function whenDom(fn) {
    if (d.readyState === 'loading') { d.addEventListener('DOMContentLoaded', fn); } else { fn(); }
  }

  function init(options) {
    var k;
    opts = {};
    for (k in options || {}) { if (Object.prototype.hasOwnProperty.call(options, k)) { opts[k] = options[k]; } }
    if (!opts.key) { throw new Error('consento.init: the site key (key) is required'); }
    opts.endpoint = String(opts.endpoint || (script && script.src ? new URL(script.src, location.href).origin
      : location.origin)).replace(/\/+$/, '');
    isReady = false;
    controls = [];
    hideBanner();
    closeSettings();
    if (opts.consentModeDefault && typeof w.gtag === 'function') {
      w.gtag('consent', 'default', {ad_storage: 'denied', ad_user_data: 'denied', ad_personalization: 'denied',
        analytics_storage: 'denied'});
    }
    consentMode();
    return fetch(opts.endpoint + '/sdk/config?key=' + encodeURIComponent(opts.key), {mode: 'cors', credentials: 'omit'})
      .then(function (r) {
        if (!r.ok) { throw new Error('consento: /sdk/config answered HTTP ' + r.status); }
        return r.json();
      }).then(function (c) {
        cfg = c;
        offset = Date.parse(c.now) - Date.now();
        if (isNaN(offset)) { offset = 0; }
        buildControls();
        return honourGpc().catch(warn);
      }).then(function () {
        isReady = true;
        emit('ready');
        whenDom(function () { if (opts.banner !== false && needsBanner()) { showBanner(); } });
      }).catch(warn);
  }

  w.consento = {
    version: VERSION,
    init: init,
    has: has,
    on: on,
    choices: choices,
    showSettings: function () { whenDom(openSettings); },
    subject: identifiers,
    purposes: function () {
      return controls.map(function (c) {
        return {purpose: c.purpose, channel: c.channel, separateConsent: c.separate, name: label(c)};
      });
    }
  };

  if (script && script.getAttribute('data-key')) {
    init({key: script.getAttribute('data-key'), lang: script.getAttribute('data-lang') || undefined,
      purposes: script.getAttribute('data-purposes') ? script.getAttribute('data-purposes').split(',') : undefined});
  }
}(window, document));
