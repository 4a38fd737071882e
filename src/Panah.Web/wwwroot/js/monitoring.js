// Draws the monitoring dashboard's charts from the numbers the page already shows (data-* attributes of each canvas).
// A hidden small cell arrives as null and is left out of the chart, as it is of the table.
document.addEventListener('DOMContentLoaded', function () {
    if (typeof Chart === 'undefined') {
        return;
    }
    var rtl = document.documentElement.dir === 'rtl';
    document.querySelectorAll('canvas.pdm-chart').forEach(function (canvas) {
        var labels = JSON.parse(canvas.dataset.labels || '[]');
        var values = JSON.parse(canvas.dataset.values || '[]');
        var kind = canvas.dataset.kind;
        var datasets = kind === 'line'
            ? JSON.parse(canvas.dataset.series || '[]').map(function (name, i) { return { label: name, data: values[i], spanGaps: true }; })
            : [{ data: values }];
        new Chart(canvas, {
            type: kind,
            data: { labels: labels, datasets: datasets },
            options: {
                animation: false,
                plugins: { legend: { display: kind === 'line', rtl: rtl } },
                scales: { x: { reverse: rtl }, y: { beginAtZero: true } }
            }
        });
    });
});
