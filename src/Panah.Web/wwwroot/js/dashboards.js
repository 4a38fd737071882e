// Draws the dashboards' charts from the numbers each canvas carries (data-* attributes; the table beneath shows the same).
// A hidden small count arrives as null and is left out of the chart, as it is shown as a dash in the table.
document.addEventListener('DOMContentLoaded', function () {
    if (typeof Chart === 'undefined') {
        return;
    }
    var rtl = document.documentElement.dir === 'rtl';
    document.querySelectorAll('canvas.dashboard-chart').forEach(function (canvas) {
        var labels = JSON.parse(canvas.dataset.labels || '[]');
        var names = JSON.parse(canvas.dataset.series || '[]');
        var values = JSON.parse(canvas.dataset.values || '[]');
        var kind = canvas.dataset.kind || 'bar';
        var horizontal = kind === 'hbar';
        new Chart(canvas, {
            type: horizontal ? 'bar' : kind,
            data: { labels: labels, datasets: names.map(function (name, i) { return { label: name, data: values[i], spanGaps: true }; }) },
            options: {
                animation: false,
                maintainAspectRatio: false,
                indexAxis: horizontal ? 'y' : 'x',
                plugins: { legend: { display: names.length > 1, rtl: rtl } },
                scales: horizontal
                    ? { x: { beginAtZero: true, reverse: rtl }, y: { position: rtl ? 'right' : 'left' } }
                    : { x: { reverse: rtl }, y: { beginAtZero: true, position: rtl ? 'right' : 'left' } }
            }
        });
    });
});
