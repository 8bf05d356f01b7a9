// Keeps a page that follows a background task (the export progress) up to date without reloading
// it: every few seconds it fetches the page again and swaps in the fresh [data-live] block, and the
// fresh text of the page's live region (role="status"), which screen readers then announce. Focus
// and scroll position stay where they are. It stops when the fresh page no longer asks for refresh
// (the task ended). Without JavaScript the page reloads itself instead (a <noscript> refresh).
(function () {
  var meta = document.querySelector('meta[name="live-refresh"]');
  var block = document.querySelector('[data-live]');
  if (!meta || !block) { return; }
  var seconds = Math.max(1, parseInt(meta.getAttribute('content'), 10) || 2);
  var status = document.querySelector('[role="status"][aria-live]');

  function update(html) {
    var fresh = new DOMParser().parseFromString(html, 'text/html');
    var next = fresh.querySelector('[data-live]');
    if (!next) { throw new Error('the page has no live block'); }
    block.replaceChildren.apply(block, Array.prototype.map.call(next.childNodes, function (node) {
      return document.importNode(node, true);
    }));
    Array.prototype.forEach.call(next.attributes, function (a) {
      if (a.name.indexOf('data-') === 0) { block.setAttribute(a.name, a.value); }
    });
    var nextStatus = fresh.querySelector('[role="status"][aria-live]');
    if (status && nextStatus && status.textContent !== nextStatus.textContent) {
      status.textContent = nextStatus.textContent;
    }
    return fresh.querySelector('meta[name="live-refresh"]') !== null;
  }

  function tick() {
    fetch(window.location.href, { credentials: 'same-origin', headers: { 'Accept': 'text/html' } })
      .then(function (response) {
        if (!response.ok || response.redirected) { throw new Error('HTTP ' + response.status); }
        return response.text();
      })
      .then(function (html) {
        if (update(html)) { window.setTimeout(tick, seconds * 1000); }
      })
      .catch(function () { window.location.reload(); });
  }

  window.setTimeout(tick, seconds * 1000);
})();
