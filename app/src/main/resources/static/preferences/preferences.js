/*
 * Progressive enhancement for the preference centre: without this script every form posts and comes back;
 * with it, each consent toggle saves at once (one click grants, one click withdraws) through the same-origin
 * JSON endpoint, and the status line and a live region say what happened.
 */
(function () {
  'use strict';
  var main = document.getElementById('main');
  if (!main || !main.dataset.csrf || !window.fetch) {
    return;
  }
  var csrf = main.dataset.csrf;
  var url = main.dataset.toggleUrl || '/preferences/toggle';
  var live = document.getElementById('live');

  function announce(text) {
    if (live) {
      live.textContent = '';
      window.setTimeout(function () { live.textContent = text; }, 30);
    }
  }

  function save(box, chain) {
    var wanted = box.checked;
    var row = box.closest('.control');
    var status = document.getElementById(box.id + '-status');
    var shown = document.querySelector('input[data-shown-for="' + box.id + '"]');
    var pending = (parseInt(box.dataset.pending || '0', 10) + 1);
    box.dataset.pending = String(pending);
    box.removeAttribute('data-saved');
    if (row) { row.setAttribute('aria-busy', 'true'); }
    return chain.then(function () {
      return fetch(url, {
        method: 'POST',
        credentials: 'same-origin',
        headers: {'Content-Type': 'application/json', 'Accept': 'application/json', 'X-CSRF-Token': csrf},
        body: JSON.stringify({purpose: box.dataset.purpose, channel: box.dataset.channel || null, granted: wanted})
      }).then(function (response) {
        return response.json().then(function (body) { return {ok: response.ok, body: body}; });
      }).then(function (result) {
        if (!result.ok) {
          throw new Error(result.body && result.body.detail ? result.body.detail : '');
        }
        var body = result.body;
        if (status && body.statusText) { status.textContent = body.statusText; }
        if (shown) { shown.value = box.value + '|' + (body.granted ? '1' : '0'); }
        if (box.dataset.pending === String(pending)) {
          box.checked = body.granted;
          box.dataset.saved = body.granted ? 'granted' : 'withdrawn';
        }
        announce(body.message || '');
      }).catch(function (error) {
        if (box.dataset.pending === String(pending)) {
          box.checked = !wanted;
          box.dataset.saved = 'error';
        }
        var text = (error && error.message) || main.dataset.errorText || 'Error';
        var flash = document.getElementById('flash');
        if (flash) { flash.className = 'flash error'; flash.textContent = text; }
        announce(text);
      }).then(function () {
        if (row && box.dataset.pending === String(pending)) { row.removeAttribute('aria-busy'); }
      });
    });
  }

  var chains = {};
  Array.prototype.forEach.call(document.querySelectorAll('input[type="checkbox"][data-purpose]'), function (box) {
    chains[box.id] = Promise.resolve();
    box.addEventListener('change', function () {
      chains[box.id] = save(box, chains[box.id]);
    });
  });

  var hint = document.getElementById('consents-hint');
  if (hint && main.dataset.instantHint && main.dataset.locked !== 'true') {
    hint.textContent = main.dataset.instantHint;
  }
})();
