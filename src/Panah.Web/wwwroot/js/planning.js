// Draws the planning charts from the numbers the page already holds (data-* attributes of each canvas): every fan
// chart (the 95 %, 80 % and 50 % intervals of the population to serve as nested shaded bands, the median as a line)
// and the tornado of the budget (one floating bar per assumption, from its low end to its high end, largest first).
document.addEventListener('DOMContentLoaded', function () {
    if (typeof Chart === 'undefined') {
        return;
    }
    var rtl = document.documentElement.dir === 'rtl';
    var read = function (canvas, key) { return JSON.parse(canvas.dataset[key]); };

    document.querySelectorAll('canvas.fan-chart').forEach(function (canvas) {
        var names = read(canvas, 'names');
        var band = function (key, label, alpha) {
            return { label: label, data: read(canvas, key), backgroundColor: 'rgba(13, 110, 253, ' + alpha + ')', borderWidth: 0, type: 'bar', barPercentage: 1, categoryPercentage: 1, grouped: false };
        };
        new Chart(canvas, {
            data: {
                labels: read(canvas, 'labels'),
                datasets: [
                    { type: 'line', label: names[0], data: read(canvas, 'median'), borderColor: '#0b3d91', backgroundColor: '#0b3d91', pointRadius: 2 },
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

    var tornado = document.getElementById('tornado-chart');
    if (tornado) {
        var low = read(tornado, 'low');
        var high = read(tornado, 'high');
        var likely = read(tornado, 'likely');
        var names = read(tornado, 'names');
        // Each bar runs from the likely budget to the budget at that end, so the bars meet at the likely value.
        var side = function (values) { return values.map(function (v) { return [likely, v]; }); };
        new Chart(tornado, {
            type: 'bar',
            data: {
                labels: read(tornado, 'labels'),
                datasets: [
                    { label: names[0], data: side(low), backgroundColor: 'rgba(25, 135, 84, 0.7)', grouped: false },
                    { label: names[1], data: side(high), backgroundColor: 'rgba(220, 53, 69, 0.7)', grouped: false }
                ]
            },
            options: {
                animation: false,
                maintainAspectRatio: false,
                indexAxis: 'y',
                plugins: { legend: { rtl: rtl } },
                scales: { x: { reverse: rtl, beginAtZero: false }, y: { position: rtl ? 'right' : 'left' } }
            }
        });
    }
});
