// The import job page's progress bar: while a dry run or commit runs, asks the job's state once a second
// (GET /api/v1/imports/{id}, same-origin with the session cookie) and reloads the page when the run has ended.
document.addEventListener('DOMContentLoaded', function () {
    var card = document.getElementById('job');
    if (!card || (card.dataset.status !== 'dry-running' && card.dataset.status !== 'committing')) {
        return;
    }
    var bar = document.getElementById('progress');
    var text = document.getElementById('progress-text');
    function poll() {
        fetch('/api/v1/imports/' + card.dataset.job, { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
            .then(function (r) { return r.ok ? r.json() : null; })
            .then(function (body) {
                if (!body) {
                    return;
                }
                var job = body.job;
                bar.max = Math.max(1, job.rowsTotal);
                bar.value = job.processed;
                text.textContent = job.processed.toLocaleString() + ' / ' + job.rowsTotal.toLocaleString();
                if (job.status !== card.dataset.status) {
                    window.location.reload();
                    return;
                }
                window.setTimeout(poll, 1000);
            })
            .catch(function () { window.setTimeout(poll, 3000); });
    }
    poll();
});
