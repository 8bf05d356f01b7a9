// Tells the server the browser's time zone (a cookie read by TimeFormat), so that pages show
// times in it; without it they are shown in UTC. Takes effect from the next page.
(function () {
  try {
    var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!zone) { return; }
    var current = document.cookie.split('; ').filter(function (c) { return c.indexOf('tz=') === 0; })[0];
    if (current !== 'tz=' + zone) {
      document.cookie = 'tz=' + zone + '; path=/; max-age=31536000; SameSite=Lax';
    }
  } catch (e) { /* old browser: times stay in UTC */ }
})();
