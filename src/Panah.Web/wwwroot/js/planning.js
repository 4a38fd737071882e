// Draws the forecast's fan chart from the numbers the page already holds (data-* attributes of the canvas): the 95 %,
// 80 % and 50 % intervals of the population to serve as nested shaded bands, and the median as a line.
document.addEventListener('DOMContentLoaded', function () {
    var canvas = document.getElementById('fan-chart');
    if (!canvas || typeof Chart === 'undefined') {
        return;
    }
    var rtl = document.documentElement.dir === 'rtl';
    var names = JSON.parse(canvas.dataset.names);
    var band = function (key, label, alpha) {
        return { label: label, data: JSON.parse(canvas.dataset[key]), backgroundColor: 'rgba(13, 110, 253, ' + alpha + ')', borderWidth: 0, type: 'bar', barPercentage: 1, categoryPercentage: 1, grouped: false };
    };
    new Chart(canvas, {
        data: {
            labels: JSON.parse(canvas.dataset.labels),
            datasets: [
                { type: 'line', label: names[0], data: JSON.parse(canvas.dataset.median), borderColor: '#0b3d91', backgroundColor: '#0b3d91', pointRadius: 2 },
                band('band50', names[1], 0.45), band('band80', names[2], 0.25), band('band95', names[3], 0.12)
            ]
        },
        options: {
            animation: false,
            maintainAspectRatio: false,
            plugins: { legend: { rtl: rtl } },
            scales: { x: { reverse: rtl, stacked: false }, y: { beginAtZero: false } }
        }
    });
});
