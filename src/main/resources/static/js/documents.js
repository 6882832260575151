// Staff document pages: scroll a cited passage into view; reload a job page until the job is done.
(function () {
  var passage = document.getElementById('passage');
  if (passage) {
    passage.scrollIntoView({block: 'center'});
  }
  var running = document.querySelector('[data-refresh-seconds]');
  if (running) {
    setTimeout(function () { window.location.reload(); }, 1000 * Number(running.dataset.refreshSeconds));
  }
})();
